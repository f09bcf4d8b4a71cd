package org.benchtarget.deploy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The undertow-nio overlay (target + PostgreSQL + bench db reset) as kustomize renders it, run here with podman kube
 * play, and bench verify through the target's published port. podman 4.3 plays Pods and Deployments only, so the test
 * makes what a cluster would: the StatefulSet's pod as a Deployment (its claim an emptyDir), the Job's pod as a Pod,
 * Secret values put into the env (no Secret kind), the Service's name an /etc/hosts entry (hostAliases) for the
 * PostgreSQL pod's address, and a hostPort on 127.0.0.1 for the target. Everything else is played as written:
 * images' users, securityContext (uid, read-only root), env, volumes.
 */
class KubePlayIT {
    /** YAML as the API has it: fabric8 registers these two serializers in its client, not on the model classes. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new SimpleModule()
            .addSerializer(IntOrString.class, new StdSerializer<>(IntOrString.class) {
                @Override
                public void serialize(IntOrString value, JsonGenerator out, SerializerProvider provider) throws IOException {
                    if (value.getStrVal() != null) {
                        out.writeString(value.getStrVal());
                    } else {
                        out.writeNumber(value.getIntVal());
                    }
                }
            })
            .addSerializer(Quantity.class, new StdSerializer<>(Quantity.class) {
                @Override
                public void serialize(Quantity value, JsonGenerator out, SerializerProvider provider) throws IOException {
                    out.writeString(value.toString());
                }
            }));

    @Test
    void theOverlayRunsUnderPodmanKubePlayAndPassesBenchVerify() throws Exception {
        var image = Images.target();
        var postgresImage = Images.postgres();
        var objects = ManifestsTest.read(Kustomize.render(ManifestsTest.KUBERNETES.resolve("overlays/undertow-nio")), "undertow-nio");
        var secrets = secretValues(objects);
        var suffix = "-it" + UUID.randomUUID().toString().substring(0, 6);
        var dir = Files.createDirectories(Images.HOME.resolve("deploy/target/kube-play" + suffix));
        // kube play has no --ulimit: the same lowered limits for its containers (and the pods' infra containers)
        var conf = Files.writeString(dir.resolve("containers.conf"), "[containers]\ndefault_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]\n");
        var env = Map.of("CONTAINERS_CONF", conf.toString());
        var played = new ArrayList<Path>();
        try {
            var statefulSet = ManifestsTest.one(objects, StatefulSet.class);
            var postgresPod = statefulSet.getSpec().getTemplate();
            postgresPod.getSpec().getVolumes().add(new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build());
            prepare(postgresPod, postgresImage, secrets);
            var postgresName = statefulSet.getMetadata().getName() + suffix;
            play(deployment(postgresName, postgresPod), dir, env, played);
            var postgresContainer = postgresName + "-pod-0-postgres";
            awaitExit0(Duration.ofMinutes(2), "exec", postgresContainer, "pg_isready", "-h", "127.0.0.1", "-p", "5432");
            var alias = new HostAlias(List.of("benchtarget-postgres"), podAddress(postgresName + "-pod-0"));

            var job = ManifestsTest.one(objects, Job.class);
            var resetPod = job.getSpec().getTemplate();
            prepare(resetPod, image, secrets);
            resetPod.getSpec().setHostAliases(List.of(alias));
            resetPod.getSpec().setRestartPolicy("Never");
            var resetName = job.getMetadata().getName() + suffix;
            play(new PodBuilder().withNewMetadata().withName(resetName).endMetadata().withSpec(resetPod.getSpec()).build(), dir, env, played);
            var reset = Podman.run(Duration.ofMinutes(5), "wait", resetName + "-db-reset");
            assertThat(reset.output().strip()).as("bench db reset's exit:\n%s", Podman.run(Duration.ofSeconds(30), "logs", resetName + "-db-reset").output()).isEqualTo("0");

            var target = ManifestsTest.one(objects, Deployment.class);
            var targetPod = target.getSpec().getTemplate();
            prepare(targetPod, image, secrets);
            targetPod.getSpec().setHostAliases(List.of(alias));
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var http = targetPod.getSpec().getContainers().getFirst().getPorts().getFirst();
            http.setHostPort(port);
            http.setHostIP("127.0.0.1");
            var targetName = target.getMetadata().getName() + suffix;
            play(deployment(targetName, targetPod), dir, env, played);
            var container = targetName + "-pod-0-target";
            var base = "http://127.0.0.1:" + port;
            awaitExit0(Duration.ofMinutes(3), "exec", container, "/opt/benchtarget/bin/healthcheck");
            assertThat(Podman.run(Duration.ofSeconds(30), "exec", container, "id", "-u").output().strip()).isEqualTo("10001");

            var verify = new ArrayList<>(List.of("run", "--rm", "--network", "host"));
            verify.addAll(Podman.LIMITS);
            verify.addAll(List.of(image, "verify", base, "--only", "contract,security", "--secret", secrets.get("benchtarget-session").get("secret"),
                    "--db-password", secrets.get("benchtarget-postgres").get("password")));
            var result = Podman.run(Duration.ofMinutes(10), verify.toArray(String[]::new));
            assertThat(result.exit()).as("bench verify through the published port:\n%s\ntarget log:\n%s", result.output(),
                    Podman.run(Duration.ofSeconds(30), "logs", container).output()).isZero();
            assertThat(result.output()).containsPattern("\\d+ checks: \\d+ passed, 0 failed");
        } finally {
            for (var file : played.reversed()) {
                Podman.run(Duration.ofMinutes(2), env, "kube", "down", file.toString());
            }
        }
    }

    /** The image built here, the Secrets' values in place of secretKeyRef (kube play has no Secret), pulled never. */
    private static void prepare(PodTemplateSpec pod, String image, Map<String, Map<String, String>> secrets) {
        for (var container : pod.getSpec().getContainers()) {
            container.setImage(image);
            container.setImagePullPolicy("Never");
            var env = new ArrayList<EnvVar>();
            for (var variable : container.getEnv()) {
                var ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                env.add(ref == null ? variable : new EnvVar(variable.getName(), secrets.get(ref.getName()).get(ref.getKey()), null));
            }
            container.setEnv(env);
        }
    }

    private static Deployment deployment(String name, PodTemplateSpec pod) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(pod.getMetadata().getLabels()).endSelector()
                .withTemplate(pod).endSpec().build();
    }

    private static void play(HasMetadata object, Path dir, Map<String, String> env, List<Path> played) throws IOException {
        var file = dir.resolve(object.getMetadata().getName() + ".yaml");
        Files.writeString(file, YAML.writeValueAsString(object), StandardCharsets.UTF_8);
        played.add(file);
        Podman.run(Duration.ofMinutes(3), env, "kube", "play", file.toString()).expectSuccess("podman kube play " + file.getFileName());
    }

    private static String podAddress(String pod) throws IOException {
        var infra = Podman.run(Duration.ofSeconds(30), "pod", "inspect", "--format", "{{.InfraContainerID}}", pod).expectSuccess("podman pod inspect").output().strip();
        var address = Podman.run(Duration.ofSeconds(30), "inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", infra)
                .expectSuccess("podman inspect").output().strip();
        assertThat(address).as("the address of pod %s", pod).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        return address;
    }

    private static void awaitExit0(Duration timeout, String... args) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Podman.Result last;
        do {
            last = Podman.run(Duration.ofSeconds(30), args);
            if (last.exit() == 0) {
                return;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(String.join(" ", args) + " did not succeed within " + timeout + ":\n" + last.output());
    }

    private static Map<String, Map<String, String>> secretValues(List<HasMetadata> objects) {
        var values = new HashMap<String, Map<String, String>>();
        for (var object : objects) {
            if (object instanceof Secret secret) {
                var data = new HashMap<String, String>();
                if (secret.getData() != null) {
                    secret.getData().forEach((key, value) -> data.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
                }
                if (secret.getStringData() != null) {
                    data.putAll(secret.getStringData());
                }
                values.put(secret.getMetadata().getName(), data);
            }
        }
        return values;
    }
}
