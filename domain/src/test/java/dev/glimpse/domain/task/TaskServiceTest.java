package dev.glimpse.domain.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskServiceTest {

  @Test
  void aNodesLeasesAreFoundByAPrefixWhoseWildcardsAreEscaped() {
    assertThat(TaskService.likePrefix("node-a/")).isEqualTo("node-a/%");
    assertThat(TaskService.likePrefix("50%_off!/")).isEqualTo("50!%!_off!!/%");
  }
}
