package io.udm.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.RouteContext;
import io.udm.api.config.Base64Prop;
import io.udm.api.json.JsonValues;
import io.udm.spi.ItemKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentExternalizerTest {
  private static final ItemKey ITEM = ItemKey.of(RouteContext.of("acme", "crm", "users"), "u1");
  private static final ItemKey OTHER = ItemKey.of(RouteContext.of("evil", "crm", "users"), "u1");
  private static final Map<String, Base64Prop> PROPS = Map.of(
      "avatar", Base64Prop.builder().contentType("image/png").build(),
      "profile.cv", Base64Prop.builder().contentType("application/pdf").build());
  private final ContentExternalizer externalizer = new ContentExternalizer(1024);

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode doc(String json) {
    return JsonValues.parseObject(json);
  }

  @Test
  void configuredValuesBecomeReferencesUnderTheItemsPrefix() {
    ExternalizedDocument out = externalizer.externalize(ITEM,
        doc("{\"avatar\": \"" + b64("png") + "\", \"profile\": {\"cv\": \"" + b64("pdf") + "\", \"x\": 1}, \"n\": 2}"),
        PROPS, List.of(), PROPS.keySet()).get();

    assertThat(out.refs()).extracting(ContentRef::path).containsExactlyInAnyOrder("avatar", "profile.cv");
    ContentRef avatar = out.refs().stream().filter(r -> r.path().equals("avatar")).findFirst().orElseThrow();
    assertThat(avatar.key()).isEqualTo("t/acme/crm/users/u1/c/" + avatar.sha256());
    assertThat(avatar.sha256()).isEqualTo(ContentCodec.sha256Hex("png".getBytes(StandardCharsets.UTF_8)));
    assertThat(out.document().get("avatar")).isEqualTo(ContentRefJson.toJson(avatar));
    assertThat(out.document().at("/profile/x").asInt()).isEqualTo(1);
    assertThat(out.document().get("n").asInt()).isEqualTo(2);
    assertThat(out.uploads()).extracting(ContentBlob::path).containsExactlyInAnyOrder("avatar", "profile.cv");
  }

  @Test
  void contentTheItemAlreadyHoldsIsNotUploadedAgain() {
    ExternalizedDocument first = externalizer.externalize(ITEM, doc("{\"avatar\": \"" + b64("png") + "\"}"), PROPS, List.of(), PROPS.keySet()).get();

    ExternalizedDocument again = externalizer.externalize(ITEM, doc("{\"avatar\": \"" + b64("png") + "\"}"), PROPS, first.refs(), PROPS.keySet()).get();

    assertThat(again.uploads()).isEmpty();
    assertThat(again.refs()).isEqualTo(first.refs());
  }

  @Test
  void aHeldReferenceIsKeptWithItsRecordedTypeAndSize() {
    ExternalizedDocument first = externalizer.externalize(ITEM, doc("{\"avatar\": \"" + b64("png") + "\"}"), PROPS, List.of(), PROPS.keySet()).get();
    ObjectNode sentBack = first.document();
    ((ObjectNode) sentBack.get("avatar").get("$content")).put("size", 999).put("contentType", "text/html");

    ExternalizedDocument out = externalizer.externalize(ITEM, sentBack, PROPS, first.refs(), PROPS.keySet()).get();

    assertThat(out.refs()).isEqualTo(first.refs());
    assertThat(out.document()).isEqualTo(first.document());
    assertThat(out.uploads()).isEmpty();
  }

  @Test
  void aReferenceTheItemDoesNotHoldIsRefused() {
    ExternalizedDocument foreign = externalizer.externalize(OTHER, doc("{\"avatar\": \"" + b64("x") + "\"}"), PROPS, List.of(), PROPS.keySet()).get();

    // Another item's reference, even with this item's key rebuilt from its hash, names nothing this item holds.
    assertThat(externalizer.externalize(ITEM, foreign.document(), PROPS, List.of(), PROPS.keySet()).getLeft())
        .singleElement().asString().contains("'avatar'", "does not hold");
    assertThat(externalizer.externalize(ITEM, foreign.document(), PROPS, foreign.refs(), PROPS.keySet()).getLeft())
        .singleElement().asString().contains("does not hold");
  }

  @Test
  void everyBadPropertyIsReportedAtOnce() {
    List<String> problems = externalizer.externalize(ITEM,
        doc("{\"avatar\": 12, \"profile\": {\"cv\": {\"$content\": {\"key\": 1}}}}"), PROPS, List.of(), PROPS.keySet()).getLeft();

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0) + problems.get(1)).contains("a number", "exactly key, contentType, size and sha256");
    assertThat(externalizer.externalize(ITEM, doc("{\"avatar\": {\"$content\": {\"key\": \"k\", \"contentType\": \"a/b\","
        + " \"size\": -1, \"sha256\": \"00\"}}}"), PROPS, List.of(), PROPS.keySet()).getLeft())
        .singleElement().asString().contains("wrong types");
  }

  @Test
  void tooLargeValuesAreRefused() {
    String big = Base64.getEncoder().encodeToString(new byte[1025]);
    assertThat(externalizer.externalize(ITEM, doc("{\"avatar\": \"" + big + "\"}"), PROPS, List.of(), PROPS.keySet()).getLeft())
        .singleElement().asString().contains("1025 bytes", "limits.maxContentBytes = 1024");
  }

  @Test
  void absentOrNullValuesAndUnconfiguredCollectionsChangeNothing() {
    ObjectNode plain = doc("{\"avatar\": null, \"x\": \"" + b64("png") + "\"}");

    assertThat(externalizer.externalize(ITEM, plain, PROPS, List.of(), PROPS.keySet()).get().document()).isEqualTo(plain);
    assertThat(externalizer.externalize(ITEM, doc("{\"avatar\": \"" + b64("a") + "\"}"), Map.of(), List.of(), List.of()).get().refs()).isEmpty();
  }

  @Test
  void aPathNoLongerConfiguredKeepsTheReferencesItHolds() {
    ExternalizedDocument first = externalizer.externalize(ITEM, doc("{\"avatar\": \"" + b64("png") + "\"}"), PROPS, List.of(), PROPS.keySet()).get();

    ExternalizedDocument later = externalizer.externalize(ITEM, first.document(), Map.of(), first.refs(), List.of()).get();

    assertThat(later.refs()).isEqualTo(first.refs());
    assertThat(later.uploads()).isEmpty();
  }

  @Test
  void valuesTheCallerDidNotSendAreNotDecodedButReferencesThereMustBeHeld() {
    // Written before 'avatar' was configured: a plain value, kept by a delete or an enrichment elsewhere.
    ObjectNode legacy = doc("{\"avatar\": \"just a nickname\", \"n\": 1}");
    assertThat(externalizer.externalize(ITEM, legacy, PROPS, List.of(), List.of()).get().document()).isEqualTo(legacy);
    assertThat(externalizer.externalize(ITEM, legacy, PROPS, List.of(), PROPS.keySet()).getLeft())
        .singleElement().asString().contains("not valid base64");

    ExternalizedDocument foreign = externalizer.externalize(OTHER, doc("{\"avatar\": \"" + b64("x") + "\"}"), PROPS, List.of(), PROPS.keySet()).get();
    assertThat(externalizer.externalize(ITEM, foreign.document(), PROPS, List.of(), List.of()).getLeft())
        .singleElement().asString().contains("does not hold");
  }

  @Test
  void aReferenceReplacedAtAPathNoLongerConfiguredIsReported() {
    ExternalizedDocument first = externalizer.externalize(ITEM, doc("{\"avatar\": \"" + b64("png") + "\"}"), PROPS, List.of(), PROPS.keySet()).get();
    ExternalizedDocument other = externalizer.externalize(ITEM, doc("{\"avatar\": \"" + b64("gif") + "\"}"), PROPS, List.of(), PROPS.keySet()).get();

    assertThat(externalizer.externalize(ITEM, other.document(), Map.of(), first.refs(), List.of()).getLeft())
        .singleElement().asString().contains("'avatar'", "does not hold");
  }
}
