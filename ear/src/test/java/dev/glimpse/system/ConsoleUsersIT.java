package dev.glimpse.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glimpse.system.console.Accessibility;
import dev.glimpse.system.console.ConsoleBrowser;
import dev.glimpse.system.console.ImagesPage;
import dev.glimpse.system.console.LoginPage;
import dev.glimpse.system.console.UsersPage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Console users in the database: an admin adds a reviewer, who signs in and is refused every admin
 * page, by its address and by a forged postback alike; a disabled user cannot sign in, and a new
 * password replaces the old one.
 */
class ConsoleUsersIT extends DeployedEarTest {

  private static final String PASSWORD = "a reviewer's long password";
  private static final List<String> ADMIN_PAGES =
      List.of("settings", "backfills", "clients", "users");

  @RegisterExtension final ConsoleBrowser browser = new ConsoleBrowser(GlimpseClient.BASE);

  @Test
  void aReviewerIsRefusedEveryAdminPageByItsAddressAndByAForgedPostback() {
    String reviewer = "rita-" + shortId();
    UsersPage users = signInAsAdmin().goToUsers();
    users.add(reviewer, "eleven char", "reviewer", "A password has 12 characters at least.");
    users.add(reviewer, PASSWORD, "reviewer", "User " + reviewer + " created as reviewer");
    browser.keepScreenshot("users.png");
    users.press("admin", "disable", "You cannot disable yourself.");
    Accessibility.check(browser);
    for (String page : ADMIN_PAGES) {
      assertThat(browser.statusOf("GET", "admin/" + page + ".xhtml")).as(page).isEqualTo(200);
    }

    browser.forgetSession();
    ImagesPage images = LoginPage.open(browser).signInAs(reviewer, PASSWORD);

    assertThat(images.navigation())
        .containsExactly("Dashboard", "Review", "Images", "Documents", "Failures", "Upload");
    for (String page : ADMIN_PAGES) {
      String address = "admin/" + page + ".xhtml";
      assertThat(browser.statusOf("GET", address)).as("GET %s", address).isEqualTo(403);
      assertThat(browser.statusOf("POST", address)).as("postback to %s", address).isEqualTo(403);
    }
    assertThat(browser.statusOf("GET", "admin/review.xhtml")).isEqualTo(200);
    assertThat(browser.statusOf("GET", "admin/documents.xhtml")).isEqualTo(200);
  }

  @Test
  void aDisabledUserCannotSignInAndANewPasswordReplacesTheOldOne() {
    String user = "sam-" + shortId();
    signInAsAdmin()
        .goToUsers()
        .add(user, PASSWORD, "reviewer", "User " + user + " created")
        .press(user, "disable", "User " + user + " disabled");

    browser.forgetSession();
    assertThat(LoginPage.open(browser).signInFailingAs(user, PASSWORD).error()).isNotEmpty();

    browser.forgetSession();
    UsersPage users =
        signInAsAdmin()
            .goToUsers()
            .press(user, "enable", "User " + user + " enabled")
            .setPassword(user, "another long password");
    assertThat(users.enabled(user)).isTrue();

    browser.forgetSession();
    assertThat(LoginPage.open(browser).signInFailingAs(user, PASSWORD).error()).isNotEmpty();
    browser.forgetSession();
    assertThat(LoginPage.open(browser).signInAs(user, "another long password").navigation())
        .doesNotContain("Users");
  }

  private ImagesPage signInAsAdmin() {
    return LoginPage.open(browser).signInAs("admin", TestEnvironment.ADMIN_PASSWORD);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
