package org.hhsweep.spark.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a standalone Master reports on its web UI's JSON endpoint ({@code /json/}): its workers and
 * the applications it has run.
 */
public record MasterState(String status, int aliveWorkers, List<Worker> workers, List<Application> activeApps,
                          List<Application> completedApps) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Worker(String id, String host, String state, int cores) {
    }

    public record Application(String id, String name, String state) {
    }

    public static MasterState fetch(URI webUi) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(webUi.resolve("/json/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("master JSON answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static MasterState parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Worker> workers = new ArrayList<>();
        for (JsonNode w : root.path("workers")) {
            workers.add(new Worker(w.path("id").asText(), w.path("host").asText(), w.path("state").asText(),
                    w.path("cores").asInt()));
        }
        return new MasterState(root.path("status").asText(), root.path("aliveworkers").asInt(), workers,
                applications(root.path("activeapps")), applications(root.path("completedapps")));
    }

    private static List<Application> applications(JsonNode apps) {
        List<Application> out = new ArrayList<>();
        for (JsonNode a : apps) {
            out.add(new Application(a.path("id").asText(), a.path("name").asText(), a.path("state").asText()));
        }
        return out;
    }

    public Optional<Application> completedApp(String id) {
        return completedApps.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
