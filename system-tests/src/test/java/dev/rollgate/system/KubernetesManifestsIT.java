package dev.rollgate.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every Kubernetes overlay builds with kubectl kustomize and holds what Rollgate needs (deploy/k8s/verify). */
class KubernetesManifestsIT {

    @Test
    void everyOverlayBuilds() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed here");
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
