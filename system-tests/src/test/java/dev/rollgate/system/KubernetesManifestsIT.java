package dev.rollgate.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Kubernetes overlay builds with kubectl kustomize and holds what Rollgate needs (deploy/k8s/verify). */
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

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
