package org.benchtarget.core.tls;

import org.benchtarget.core.config.SettingsException;
import org.benchtarget.core.config.TlsSettings;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The server's TLS identity, the one every target serves with: an {@link SSLContext} from the PEM files of
 * {@code tls.cert}/{@code tls.key}, or from a self-signed certificate made at start (EC P-256, for the listen host,
 * localhost, 127.0.0.1 and ::1) whose PEM is written to a file so that {@code curl --cacert} can trust it.
 * Immutable once made.
 *
 * @param certFile    the certificate's PEM file (the given one, or the one written for a self-signed certificate)
 * @param keyFile     the private key's PEM file (the given one, or one written, readable by this user only, for a
 *                    self-signed certificate): for fronts that are processes of their own (nginx, HAProxy)
 * @param fingerprint SHA-256 of the certificate, upper-case hex pairs separated by colons (as openssl prints it)
 * @param spkiSha256  base64 SHA-256 of the public key: Chromium's {@code --ignore-certificate-errors-spki-list}
 */
public record ServerTls(SSLContext context, X509Certificate certificate, Path certFile, Path keyFile, String fingerprint,
                        String spkiSha256) {
    /** TLS 1.2 and 1.3 only (the JDK's defaults too, set explicitly so that a java.security edit cannot widen them). */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** Sessions kept for resumption (TLS 1.2 IDs; 1.3 tickets are stateless) and how long. */
    private static final int SESSION_CACHE = 20_000;
    private static final Duration SESSION_TIMEOUT = Duration.ofHours(1);
    private static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(90);
    private static final char[] NO_PASSWORD = new char[0];

    /** Makes the identity {@code tls} asks for; call only when {@code tls.enabled()}. */
    public static ServerTls create(TlsSettings tls, String host) {
        try {
            if (tls.selfSigned()) {
                return selfSigned(host);
            }
            var chain = readChain(tls.cert());
            return of(readKey(tls.key()), chain, tls.cert(), tls.key());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof SettingsException settings) {
                throw settings;
            }
            throw new SettingsException("tls: cannot make the TLS context: " + e.getMessage());
        }
    }

    /** Returns the line a target prints at start: where the certificate is and its fingerprint. */
    public String describe() {
        return "tls: certificate " + certificate.getSubjectX500Principal().getName() + " (" + certFile + "), SHA-256 " + fingerprint;
    }

    /**
     * Writes the key and chain to {@code file} as a PKCS#12 key store under {@code password}, readable by its owner
     * only: for servers that take a key store rather than PEM files (jetty-home's ssl module in container mode).
     */
    public void writeKeyStore(Path file, char[] password) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", readKey(keyFile), password, readChain(certFile).toArray(X509Certificate[]::new));
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingsException("tls: cannot write a key store to " + file + ": " + e.getMessage());
        }
    }

    private static ServerTls of(PrivateKey key, List<X509Certificate> chain, Path certFile, Path keyFile)
            throws GeneralSecurityException, IOException {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, NO_PASSWORD);
        var context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, new SecureRandom());
        // resumption: session IDs (TLS 1.2) cached here; TLS 1.3 resumes with the JDK's stateless tickets (on by default)
        context.getServerSessionContext().setSessionCacheSize(SESSION_CACHE);
        context.getServerSessionContext().setSessionTimeout(Math.toIntExact(SESSION_TIMEOUT.toSeconds()));
        var leaf = chain.get(0);
        var digest = MessageDigest.getInstance("SHA-256");
        var fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest.digest(leaf.getEncoded()));
        var spki = Base64.getEncoder().encodeToString(digest.digest(leaf.getPublicKey().getEncoded()));
        return new ServerTls(context, leaf, certFile, keyFile, fingerprint, spki);
    }

    private static ServerTls selfSigned(String host) throws GeneralSecurityException, IOException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var names = names(host);
        var subject = new X500Name("CN=" + names.iterator().next() + ",O=benchtarget self-signed");
        var now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SELF_SIGNED_VALIDITY)), subject, pair.getPublic());
        var altNames = new ArrayList<GeneralName>();
        for (var name : names) {
            altNames.add(name.matches("[0-9.]+|.*:.*") ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altNames.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509CertificateHolder holder;
        try {
            holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        var certificate = new JcaX509CertificateConverter().getCertificate(holder);
        var prefix = "benchtarget-tls-" + ProcessHandle.current().pid() + "-";
        var file = Files.createTempFile(prefix, ".pem");
        var keyFile = Files.createTempFile(prefix, ".key", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        file.toFile().deleteOnExit();
        keyFile.toFile().deleteOnExit();
        Files.writeString(file, pem(certificate), StandardCharsets.US_ASCII);
        // PKCS#8 ("PRIVATE KEY"), which nginx, HAProxy, openssl and this class's own reader all take
        Files.writeString(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()), StandardCharsets.US_ASCII);
        return of(pair.getPrivate(), List.of(certificate), file, keyFile);
    }

    private static String pem(Object item) throws IOException {
        var pem = new StringWriter();
        try (var writer = new JcaPEMWriter(pem)) {
            writer.writeObject(item);
        }
        return pem.toString();
    }

    /** localhost, the loopback addresses, the listen host and, for a wildcard one, this machine's name. */
    private static Set<String> names(String host) {
        var names = new LinkedHashSet<String>();
        names.add("localhost");
        var bare = host.replace("[", "").replace("]", "");
        if (bare.equals("0.0.0.0") || bare.equals("::")) {
            try {
                names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                // no name for this machine: localhost and the addresses suffice
            }
        } else {
            names.add(bare);
        }
        names.add("127.0.0.1");
        names.add("::1");
        return names;
    }

    private static List<X509Certificate> readChain(Path file) throws IOException, GeneralSecurityException {
        var chain = new ArrayList<X509Certificate>();
        var converter = new JcaX509CertificateConverter();
        try (var parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        }
        if (chain.isEmpty()) {
            throw new SettingsException("tls.cert=" + file + ": no CERTIFICATE block in it (expected a PEM certificate chain)");
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws IOException {
        var converter = new JcaPEMKeyConverter();
        try (var parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        }
        throw new SettingsException("tls.key=" + file + ": no unencrypted PRIVATE KEY block in it (expected PKCS#8, RSA or EC PEM)");
    }
}
