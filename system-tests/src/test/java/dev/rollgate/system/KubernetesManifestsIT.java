package dev.rollgate.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kubernetes overlay builds with kubectl kustomize, holds what Rollgate needs (deploy/k8s/verify), and
 * fits the published models of its kinds, field by field.
 */
class KubernetesManifestsIT {

    @Test
    void everyOverlayBuilds() throws Exception {
        // Never skipped: a manifest that no longer builds must fail the run, here as in CI.
        assertThat(onPath("kubectl")).as("kubectl (with kustomize built in) must be on the PATH to check deploy/k8s;"
                + " install it from https://kubernetes.io/docs/tasks/tools/ or a package of your system").isTrue();
        Path verify = SystemStack.root().resolve("deploy/k8s/verify");
        Process process = new ProcessBuilder("bash", verify.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("overlays/local", "overlays/production");
    }

    @Test
    void everyObjectOfEveryOverlayFitsItsPublishedModel() throws Exception {
        assertThat(onPath("kubectl")).as("kubectl must be on the PATH to build deploy/k8s").isTrue();
        // Every overlay's problems in one run, not only the first overlay's.
        Map<String, List<String>> problems = new TreeMap<>();
        for (String overlay : new String[] {"local", "production"}) {
            Process process = new ProcessBuilder("kubectl", "kustomize",
                    SystemStack.root().resolve("deploy/k8s/overlays/" + overlay).toString()).start();
            String manifests = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            problems.put("overlays/" + overlay, ManifestModels.problems(manifests));
        }
        assertThat(problems).allSatisfy((overlay, found) -> assertThat(found).as(overlay).isEmpty());
    }

    @Test
    void aMisspeltFieldIsFound() throws Exception {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpGet: {path: /, port: 80}, periodSecond: 5}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitons: 6}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db, lables: {a: b}}
                spec:
                  instances: 3
                  storage: {size: 1Gi, storageClas: fast}
                """;
        assertThat(ManifestModels.problems(deployment))
                .anySatisfy(problem -> assertThat(problem).contains("readinessProbe").contains("periodSecond"))
                .anySatisfy(problem -> assertThat(problem).contains("KafkaTopic").contains("partitons"))
                .anySatisfy(problem -> assertThat(problem).contains("Cluster db").contains("storage").contains("storageClas"))
                .anySatisfy(problem -> assertThat(problem).contains("Cluster db.metadata").contains("lables"));
    }

    @Test
    void aValueItsCrdDoesNotAllowIsFound() throws Exception {
        String manifests = """
                apiVersion: postgresql.cnpg.io/v1
                kind: ScheduledBackup
                metadata: {name: daily}
                spec: {schedule: "0 0 3 * * *", cluster: {name: db}, method: plugins}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  instances: three
                  storage: {size: 1Gi}
                  postgresql: {synchronous: {method: all, number: 1}}
                ---
                apiVersion: barmancloud.cnpg.io/v1
                kind: ObjectStore
                metadata: {name: backups}
                spec: {configuration: {wal: {compression: gzip}}}
                """;
        assertThat(ManifestModels.problems(manifests))
                .anySatisfy(problem -> assertThat(problem).contains("ScheduledBackup daily: /spec/method")
                        .contains("enumeration").contains("\"plugins\""))
                .anySatisfy(problem -> assertThat(problem).contains("Cluster db: /spec/postgresql/synchronous/method")
                        .contains("enumeration").contains("\"all\""))
                .anySatisfy(problem -> assertThat(problem).contains("Cluster db: /spec/instances").contains("integer expected"))
                .anySatisfy(problem -> assertThat(problem).contains("ObjectStore backups: /spec/configuration")
                        .contains("required").contains("destinationPath"));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
