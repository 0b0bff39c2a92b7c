package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.ImagesPage;
import dev.glimpse.system.console.LoginPage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's sessions: a cookie only for HTTP, on this site only, renewed at sign-in; a sign-out
 * that leaves nothing behind the back button; a sign-in form that only its own session may submit;
 * and guessing slowed down after five wrong passwords (the suite's server refuses for 10 s, doubled
 * with each further failure).
 */
class SessionsIT extends DeployedEarTest {

  /** How long the suite's server refuses after the fifth failure (arquillian.xml). */
  private static final Duration BACKOFF = Duration.ofSeconds(10);

  private static final String PASSWORD = "a tester's long password";

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  @Test
  void theSessionCookieIsForHttpOnlyThisSiteOnlyAndRenewedAtSignIn()
      throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> console =
        http.send(
            HttpRequest.newBuilder(GlimpseClient.BASE.resolve("admin/index.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(console.statusCode()).isEqualTo(302);
    List<String> cookies = console.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    assertThat(cookies)
        .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .allSatisfy(
            cookie ->
                assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict"));
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(GlimpseClient.BASE.resolve("login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).doesNotContainIgnoringCase("jsessionid");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
    List<String> policies = login.headers().allValues("Content-Security-Policy");
    assertThat(policies)
        .anySatisfy(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
    assertThat(policies).noneSatisfy(policy -> assertThat(policy).contains("unsafe-eval"));
    Matcher nonce =
        Pattern.compile("script-src 'self'[^;]* 'nonce-([^']+)'").matcher(policies.toString());
    assertThat(nonce.find()).as("a script-src with a nonce in %s", policies).isTrue();
    Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(login.body());
    int count = 0;
    while (scripts.find()) {
      assertThat(scripts.group()).contains("nonce=\"" + nonce.group(1) + "\"");
      count++;
    }
    assertThat(count).as("scripts on the sign-in page").isPositive();
    assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");

    LoginPage page = LoginPage.open(browser);
    String before = browser.cookie("JSESSIONID");
    assertThat(before).isNotNull();
    page.signInAs("admin", TestEnvironment.ADMIN_PASSWORD);
    assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
  }

  @Test
  void anImageIsServedOnlyAsItsCheckedTypeInASandboxAndItsOriginalAsADownload() {
    String image =
        api.uploadImage(
                "sandboxed.png",
                GlimpseClient.uniqueCopy(GlimpseClient.resource("/corpus/images/chelsea.png")),
                "image/png",
                Map.of("describe", "false"))
            .body()
            .path("id")
            .asText();
    LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD);

    Map<String, String> shown = browser.headersOf("admin/preview/" + image);
    assertThat(shown.get(":status")).isEqualTo("200");
    assertThat(shown.get("content-type")).isEqualTo("image/png");
    assertThat(shown.get("x-content-type-options")).isEqualTo("nosniff");
    assertThat(shown.get("content-security-policy")).contains("sandbox");
    assertThat(shown.get("content-disposition")).startsWith("inline");

    Map<String, String> original =
        browser.headersOf("admin/preview/" + image + "?variant=original");
    assertThat(original.get("content-disposition")).startsWith("attachment");
    assertThat(original.get("content-security-policy")).contains("sandbox");
  }

  @Test
  void signingOutEndsTheSessionAndTheBackButtonShowsNothingOfIt() {
    ImagesPage images = LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD);
    String session = browser.cookie("JSESSIONID");

    LoginPage signedOut = images.signOut();
    assertThat(signedOut.notice()).isEqualTo("You are signed out.");
    assertThat(browser.cookie("JSESSIONID")).isNotEqualTo(session);

    browser.back();
    LoginPage again = LoginPage.shownIn(browser);
    assertThat(again.error()).isEmpty();
    assertThat(browser.currentUrl()).contains("login.xhtml");
    assertThat(again.signInAs("admin", TestEnvironment.ADMIN_PASSWORD).navigation())
        .as("signed in again from the page the sign-out led to")
        .contains("Users");
  }

  @Test
  void aBookmarkedSignInPageSignsInToTheConsolesHome() {
    assertThat(
            LoginPage.openBookmarked(browser).signInEither("admin", TestEnvironment.ADMIN_PASSWORD))
        .isTrue();
    assertThat(browser.currentUrl()).contains("admin/index.xhtml");
  }

  @Test
  void aSignInFormWithoutItsSessionsTokenIsRefused() {
    LoginPage refused =
        LoginPage.open(browser).signInWithoutTokenAs("admin", TestEnvironment.ADMIN_PASSWORD);

    assertThat(refused.error()).contains("expired or came from somewhere else");
    assertThat(LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD))
        .isNotNull();
  }

  @Test
  void sixWrongPasswordsRefuseTheSeventhRightOneUntilTheLockEnds() {
    String user = "guess-" + UUID.randomUUID().toString().substring(0, 8);
    LoginPage.open(browser)
        .signInAs("admin", TestEnvironment.ADMIN_PASSWORD)
        .goToUsers()
        .add(user, PASSWORD, "reviewer", "User " + user + " created");
    browser.forgetSession();

    for (int attempt = 1; attempt <= 6; attempt++) {
      LoginPage.open(browser).signInFailingAs(user, "wrong password " + attempt);
    }
    Instant seventh = Instant.now();
    LoginPage refused = LoginPage.open(browser).signInFailingAs(user, PASSWORD);
    assertThat(refused.error()).startsWith("Too many failed sign-ins").contains("Try again in");

    Instant deadline = seventh.plus(BACKOFF.multipliedBy(3));
    while (true) {
      LoginPage next = LoginPage.open(browser);
      if (next.signInEither(user, PASSWORD)) {
        break;
      }
      assertThat(Instant.now()).as("the lock ended").isBefore(deadline);
    }
  }
}
