package dev.rollgate.gateway.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The console's files come from the console module's jar, with no token, and its page is never cached. */
@QuarkusTest
class ConsolePagesIT {

    @Test
    void theConsoleIsServedAtConsoleWithItsPageUncached() {
        String page = given().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-cache"))
                .body(containsString("<div id=\"root\">"))
                .extract().asString();
        String script = page.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        given().get(script).then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", not(equalTo("no-cache")));
    }

    @Test
    void theBareAddressesLeadToTheConsole() {
        RestAssured.given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", equalTo("/console/"));
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", equalTo("/console/"));
    }
}
