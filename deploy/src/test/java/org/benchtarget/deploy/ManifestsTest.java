package org.benchtarget.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every manifest under deploy/kubernetes read into the Kubernetes API's model (fabric8's) strictly: a field the API
 * does not have, or a value of the wrong type, fails (the model's catch-all for unknown fields is switched off).
 * Each overlay is rendered by kustomize (kubectl kustomize) and its output read the same way and checked for
 * what the deployment promises: probes, graceful stop, non-root, Secrets that exist, memory for the JVMs.
 */
class ManifestsTest {
    static final Path KUBERNETES = Path.of(System.getProperty("benchtarget.home", "..")).resolve("deploy/kubernetes").toAbsolutePath().normalize();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Secret", Secret.class, "v1/Service", Service.class, "v1/ConfigMap", ConfigMap.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class, "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class, "batch/v1/Job", Job.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
    private static final List<String> OVERLAYS = List.of("undertow-nio", "jetty-threads", "spring-jetty", "jetty-container", "daemon-p2-t10",
            "undertow-nio-cassandra");
    private static final ObjectMapper YAML = strict(new ObjectMapper(new YAMLFactory()));

    /** The model's classes keep unknown fields in additionalProperties (@JsonAnySetter): not here. */
    static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated member) {
                        return Boolean.FALSE;
                    }
                });
    }

    static List<HasMetadata> read(String yaml, String where) throws IOException {
        var objects = new ArrayList<HasMetadata>();
        try (var parser = YAML.createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                var node = it.next();
                if (node == null || node.isEmpty()) {
                    continue;
                }
                var kind = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
                var type = KINDS.get(kind);
                assertThat(type).as("%s: a kind this project does not deploy: %s", where, kind).isNotNull();
                try {
                    objects.add(YAML.treeToValue(node, type));
                } catch (IOException e) {
                    throw new AssertionError(where + ": not a valid " + kind + ": " + e.getMessage().lines().findFirst().orElse(""), e);
                }
            }
        }
        return objects;
    }

    @TestFactory
    Stream<DynamicTest> everyManifestFileIsValidForTheApi() throws IOException {
        try (var files = Files.walk(KUBERNETES)) {
            return files.filter(file -> file.toString().endsWith(".yaml") && !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .map(file -> DynamicTest.dynamicTest(KUBERNETES.relativize(file).toString(),
                            () -> assertThat(read(Files.readString(file), file.toString())).isNotEmpty()))
                    .toList().stream();
        }
    }

    @Test
    void anUnknownFieldOrAWrongTypeFails() {
        assertThatThrownBy(() -> read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSecond: 5}
                """, "typo")).hasMessageContaining("periodSecond");
        assertThatThrownBy(() -> read("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {ports: [{port: http-port}]}
                """, "type")).hasMessageContaining("not a valid v1/Service");
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayRendersToAValidConsistentDeployment() {
        return OVERLAYS.stream().map(overlay -> DynamicTest.dynamicTest(overlay, () -> {
            var objects = read(Kustomize.render(KUBERNETES.resolve("overlays").resolve(overlay)), overlay);
            var deployment = one(objects, Deployment.class);
            var pod = deployment.getSpec().getTemplate().getSpec();
            var target = pod.getContainers().getFirst();
            assertThat(env(target, "BENCH_PROFILE")).isEqualTo(overlay);
            assertThat(target.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
            assertThat(target.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L); // the image's user
            assertThat(target.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            // the grace period covers preStop, the target's shutdown.timeout and the JVMs' exit
            var preStop = Long.parseLong(target.getLifecycle().getPreStop().getExec().getCommand().get(1));
            var shutdown = Duration.parse("PT" + env(target, "BENCH_SHUTDOWN_TIMEOUT").toUpperCase());
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(preStop + shutdown.toSeconds() + 10);
            // every Secret a container reads is rendered alongside
            var secrets = objects.stream().filter(Secret.class::isInstance).map(o -> o.getMetadata().getName()).toList();
            objects.stream().flatMap(ManifestsTest::containers).flatMap(c -> c.getEnv().stream())
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> assertThat(secrets).as("Secret of %s", e.getName()).contains(e.getValueFrom().getSecretKeyRef().getName()));
            assertThat(target.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("BENCH_SECRET"));
            assertThat(env(target, "BENCH_DB")).isEqualTo("postgres");
            // the Service and the PodDisruptionBudget select the target's pods
            var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels).containsAllEntriesOf(one(objects, Service.class, "benchtarget").getSpec().getSelector());
            assertThat(labels).containsAllEntriesOf(one(objects, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
            // memory: the target's JVMs (one, or daemon mode's front and backends) at their bounds, and bench's own
            var limit = Quantity.getAmountInBytes(target.getResources().getLimits().get("memory")).longValue();
            assertThat(target.getResources().getRequests().get("memory")).isEqualTo(target.getResources().getLimits().get("memory"));
            int jvms = overlay.startsWith("daemon-p2") ? 3 : 1;
            assertThat(limit).as("memory limit of %s", overlay).isGreaterThanOrEqualTo(jvms * JvmBudget.targetJvmBytes() + JvmBudget.BENCH_SERVE_BYTES);
            assertThat(objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast))
                    .isNotEmpty().allSatisfy(set -> assertThat(set.getSpec().getVolumeClaimTemplates()).hasSize(1));
            var reset = one(objects, Job.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(reset.getArgs()).containsExactly("db", "reset");
            // the images kustomize mapped reach every container, the components' too (a bare "benchtarget" would be
            // pulled from Docker Hub)
            assertThat(reset.getImage()).isEqualTo(target.getImage()).isEqualTo("localhost/benchtarget:latest");
            objects.stream().flatMap(ManifestsTest::containers)
                    .forEach(container -> assertThat(container.getImage()).as("image of %s", container.getName()).contains("/"));
        }));
    }

    @Test
    void theCassandraOverlayPointsTheTargetsAndTheResetAtItsNode() throws Exception {
        var objects = read(Kustomize.render(KUBERNETES.resolve("overlays/undertow-nio-cassandra")), "undertow-nio-cassandra");
        assertThat(objects).extracting(o -> o.getKind() + " " + o.getMetadata().getName()).contains("StatefulSet benchtarget-postgres",
                "StatefulSet benchtarget-cassandra", "Service benchtarget-cassandra", "Job benchtarget-db-reset");
        var service = one(objects, Service.class, "benchtarget-cassandra");
        assertThat(service.getSpec().getClusterIP()).isEqualTo("None"); // headless: the name is the node's address
        var cql = service.getSpec().getPorts().getFirst();

        // the target and the reset Job: Cassandra named by the Service's name and port, SQL still PostgreSQL
        var target = one(objects, Deployment.class).getSpec().getTemplate().getSpec();
        var reset = one(objects, Job.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
        for (var container : List.of(target.getContainers().getFirst(), reset)) {
            assertThat(env(container, "BENCH_SURVEY_STORE")).isEqualTo("cassandra");
            assertThat(env(container, "BENCH_CASSANDRA_CONTACT_POINTS")).isEqualTo(service.getMetadata().getName() + ":" + cql.getPort());
            assertThat(env(container, "BENCH_DB")).isEqualTo("postgres");
        }
        var wait = target.getInitContainers().getFirst();
        assertThat(wait.getCommand().getLast()).contains("/dev/tcp/" + service.getMetadata().getName() + "/" + cql.getPort());
        assertThat(wait.getImage()).isEqualTo("localhost/benchtarget-cassandra:5.0-local");
        assertThat(wait.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();

        // the node: the Service selects it, its probes and the Service use its CQL port, non-root, read-only root, data on its claim
        var statefulSet = objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .filter(set -> set.getMetadata().getName().equals("benchtarget-cassandra")).findFirst().orElseThrow();
        assertThat(statefulSet.getSpec().getServiceName()).isEqualTo(service.getMetadata().getName());
        assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(1);
        var pod = statefulSet.getSpec().getTemplate();
        assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(service.getSpec().getSelector());
        var node = pod.getSpec().getContainers().getFirst();
        assertThat(node.getImage()).isEqualTo("localhost/benchtarget-cassandra:5.0-local"); // what build-images --cassandra tags
        var cqlPort = node.getPorts().stream().filter(port -> port.getName().equals(cql.getTargetPort().getStrVal())).findFirst().orElseThrow();
        assertThat(cqlPort.getContainerPort()).isEqualTo(9042).isEqualTo(cql.getPort());
        for (var probe : List.of(node.getStartupProbe(), node.getReadinessProbe(), node.getLivenessProbe())) {
            assertThat(probe.getTcpSocket().getPort().getStrVal()).isEqualTo(cqlPort.getName());
        }
        assertThat(node.getStartupProbe().getPeriodSeconds() * node.getStartupProbe().getFailureThreshold()).isGreaterThanOrEqualTo(240);
        assertThat(node.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("CASSANDRA_LISTEN_ADDRESS");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        });
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(999L); // the cassandra user of both images
        assertThat(node.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(node.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(node.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        var claim = statefulSet.getSpec().getVolumeClaimTemplates().getFirst().getMetadata().getName();
        assertThat(node.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo(claim);
            assertThat(mount.getMountPath()).isEqualTo("/var/lib/cassandra");
        });
        // memory: the node's 512 MiB heap and about 200 MiB beside it, requested as much as allowed
        var limit = Quantity.getAmountInBytes(node.getResources().getLimits().get("memory")).longValue();
        assertThat(limit).isGreaterThanOrEqualTo(768L << 20);
        assertThat(node.getResources().getRequests().get("memory")).isEqualTo(node.getResources().getLimits().get("memory"));
    }

    @Test
    void theLoadSideRendersToValidJobs() throws Exception {
        var objects = read(Kustomize.render(KUBERNETES.resolve("load")), "load");
        var jobs = objects.stream().filter(Job.class::isInstance).map(Job.class::cast).toList();
        assertThat(jobs).extracting(job -> job.getMetadata().getName())
                .containsExactlyInAnyOrder("benchtarget-load", "benchtarget-load-hosts", "benchtarget-merge");
        var hosts = jobs.stream().filter(job -> job.getMetadata().getName().equals("benchtarget-load-hosts")).findFirst().orElseThrow();
        assertThat(hosts.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(hosts.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs()).contains("--start-at", "$(START_AT)");
        var configMap = one(objects, ConfigMap.class);
        assertThat(configMap.getData()).containsEntry("target", "http://benchtarget:8080");
        for (var job : jobs) {
            assertThat(job.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("localhost/benchtarget:latest");
        }
    }

    private static Stream<Container> containers(HasMetadata object) {
        return switch (object) {
            case Deployment d -> d.getSpec().getTemplate().getSpec().getContainers().stream();
            case StatefulSet s -> s.getSpec().getTemplate().getSpec().getContainers().stream();
            case Job j -> j.getSpec().getTemplate().getSpec().getContainers().stream();
            default -> Stream.empty();
        };
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
        var found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast).filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
