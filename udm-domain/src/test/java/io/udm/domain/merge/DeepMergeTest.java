package io.udm.domain.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import org.junit.jupiter.api.Test;

class DeepMergeTest {
  private static ObjectNode doc(String json) {
    return JsonValues.parseObject(json);
  }

  private static ObjectNode merge(String document, String patch) {
    return DeepMerge.merge(doc(document), doc(patch));
  }

  @Test
  void objectsMergeKeyByKeyAtEveryDepth() {
    assertThat(merge("{\"a\":1,\"p\":{\"x\":1,\"q\":{\"m\":1}}}", "{\"b\":2,\"p\":{\"y\":2,\"q\":{\"n\":2}}}"))
        .isEqualTo(doc("{\"a\":1,\"b\":2,\"p\":{\"x\":1,\"y\":2,\"q\":{\"m\":1,\"n\":2}}}"));
  }

  @Test
  void scalarsFromThePatchWinAndSoDoesAnyValueOfAnotherKind() {
    assertThat(merge("{\"a\":1,\"b\":\"x\",\"c\":{\"d\":1},\"e\":[1]}", "{\"a\":2,\"b\":true,\"c\":5,\"e\":\"s\"}"))
        .isEqualTo(doc("{\"a\":2,\"b\":true,\"c\":5,\"e\":\"s\"}"));
    assertThat(merge("{\"a\":5}", "{\"a\":{\"b\":1}}")).isEqualTo(doc("{\"a\":{\"b\":1}}"));
  }

  @Test
  void nullRemovesTheKeyAtAnyDepth() {
    assertThat(merge("{\"a\":1,\"b\":2,\"p\":{\"x\":1,\"y\":2}}", "{\"a\":null,\"p\":{\"y\":null},\"zz\":null}"))
        .isEqualTo(doc("{\"b\":2,\"p\":{\"x\":1}}"));
  }

  @Test
  void anObjectPatchOnAMissingKeyIsAddedWithoutItsNulls() {
    assertThat(merge("{}", "{\"p\":{\"x\":1,\"y\":null}}")).isEqualTo(doc("{\"p\":{\"x\":1}}"));
  }

  @Test
  void arraysBecomeTheUnionInOrderWithoutJsonEqualDuplicates() {
    assertThat(merge("{\"t\":[\"a\",\"b\",{\"k\":1}]}", "{\"t\":[\"b\",\"c\",{\"k\":1},{\"k\":2},\"c\"]}"))
        .isEqualTo(doc("{\"t\":[\"a\",\"b\",{\"k\":1},\"c\",{\"k\":2}]}"));
    // 1 and 1.0 are the same JSON number.
    assertThat(merge("{\"n\":[1,2]}", "{\"n\":[1.0,3]}")).isEqualTo(doc("{\"n\":[1,2,3]}"));
    // Nulls inside arrays are values, not removals.
    assertThat(merge("{\"n\":[1]}", "{\"n\":[null]}")).isEqualTo(doc("{\"n\":[1,null]}"));
    assertThat(merge("{}", "{\"n\":[1,1,2]}")).isEqualTo(doc("{\"n\":[1,2]}"));
  }

  @Test
  void neitherInputIsModified() {
    ObjectNode document = doc("{\"a\":{\"b\":[1]}}");
    ObjectNode patch = doc("{\"a\":{\"b\":[2],\"c\":null}}");
    ObjectNode merged = DeepMerge.merge(document, patch);
    merged.with("a").put("d", 1);

    assertThat(document).isEqualTo(doc("{\"a\":{\"b\":[1]}}"));
    assertThat(patch).isEqualTo(doc("{\"a\":{\"b\":[2],\"c\":null}}"));
  }
}
