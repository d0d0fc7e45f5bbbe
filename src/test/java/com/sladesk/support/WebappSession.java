package com.sladesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser logged into Camunda's webapps (Tasklist, Cockpit): session cookie and Camunda's CSRF token. */
public final class WebappSession {

    private final ApiClient api;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    public WebappSession(ApiClient api, String user) throws Exception {
        this.api = api;
        http.send(HttpRequest.newBuilder(api.uri("/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = http.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + ApiClient.DEMO_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the session changed at login; Tasklist's next page load brings the new CSRF token
        http.send(request("/camunda/app/tasklist/default/").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON call as Tasklist's scripts make it, with the session's CSRF token. */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path));
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .ifPresent(token -> request.header("X-XSRF-TOKEN", token.getValue()));
        return request;
    }
}
