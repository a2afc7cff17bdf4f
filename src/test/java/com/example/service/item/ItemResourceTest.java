package com.example.service.item;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.service.testing.IsolatedDatabase;
import com.example.service.testing.Readiness;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(IsolatedDatabase.class)
class ItemResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void ready() {
        Readiness.await(Duration.ofSeconds(30));
    }

    private long create(String json) {
        return given().contentType(ContentType.JSON).body(json)
                .post("/api/items")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void createReturnsTheItemWithItsServerAssignedIdAndLocation() {
        given().contentType(ContentType.JSON).body("{\"name\":\"lamp\",\"description\":\"desk lamp\"}")
                .post("/api/items")
                .then().statusCode(201)
                .header("Location", containsString("/api/items/"))
                .body("id", greaterThan(0))
                .body("name", equalTo("lamp"))
                .body("description", equalTo("desk lamp"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void getReplaceAndDeleteRoundTrip() {
        long id = create("{\"name\":\"chair\"}");

        given().get("/api/items/" + id).then().statusCode(200).body("name", equalTo("chair"));

        given().contentType(ContentType.JSON).body("{\"name\":\"armchair\",\"description\":\"green\"}")
                .put("/api/items/" + id)
                .then().statusCode(200).body("name", equalTo("armchair")).body("description", equalTo("green"));
        given().get("/api/items/" + id).then().statusCode(200).body("name", equalTo("armchair"));

        given().delete("/api/items/" + id).then().statusCode(204);
        given().get("/api/items/" + id).then().statusCode(404).contentType(PROBLEM);
        given().delete("/api/items/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void listIsPaginatedInIdOrder() {
        long a = create("{\"name\":\"page-a\"}");
        long b = create("{\"name\":\"page-b\"}");
        long c = create("{\"name\":\"page-c\"}");

        int total = given().get("/api/items?limit=100").then().statusCode(200).extract().jsonPath().getInt("total");
        int offsetOfA = given().get("/api/items?limit=100").jsonPath().getList("items.id", Long.class).indexOf(a);

        given().get("/api/items?limit=2&offset=" + offsetOfA)
                .then().statusCode(200)
                .body("items.id", contains((int) a, (int) b))
                .body("limit", equalTo(2))
                .body("offset", equalTo(offsetOfA))
                .body("total", equalTo(total));
        given().get("/api/items?limit=2&offset=" + (offsetOfA + 2))
                .then().statusCode(200).body("items.id", hasItem((int) c));
    }

    @Test
    void unknownIdIs404Problem() {
        given().get("/api/items/999999999")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("detail", containsString("999999999"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").put("/api/items/999999999")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void invalidNamesAre400ProblemsNamingTheField() {
        for (String body : new String[] { "{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}",
                "{\"name\":\"" + "x".repeat(201) + "\"}" }) {
            given().contentType(ContentType.JSON).body(body)
                    .post("/api/items")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("status", equalTo(400))
                    .body("violations.field", hasItem("name"));
        }
        create("{\"name\":\"" + "x".repeat(200) + "\"}");
    }

    @Test
    void malformedOrUnexpectedBodiesAre400Problems() {
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/items")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/items")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"id\":7}").post("/api/items")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("id"));
        given().contentType(ContentType.JSON).post("/api/items")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.TEXT).body("name=a").post("/api/items")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void textWithANulCharacterIs400ProblemNot500() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\\u0000b\"}").post("/api/items")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("name"));
        long id = create("{\"name\":\"kept\"}");
        given().contentType(ContentType.JSON).body("{\"name\":\"kept\",\"description\":\"x\\u0000\"}").put("/api/items/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("description"));
        given().get("/api/items/" + id).then().statusCode(200).body("name", equalTo("kept"));
    }

    @Test
    void badPaginationIs400Problem() {
        for (String query : new String[] { "limit=0", "limit=101", "limit=-1", "offset=-1", "limit=abc", "offset=1.5" }) {
            given().get("/api/items?" + query).then().statusCode(400).contentType(PROBLEM)
                    .body("title", startsWith("Bad Request"));
        }
    }
}
