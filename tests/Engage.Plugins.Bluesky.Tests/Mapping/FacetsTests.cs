using System.Text;
using System.Text.Json;
using Engage.Plugins.Bluesky.Mapping;
using Engage.Plugins.Bluesky.Tests.FakeServer;

namespace Engage.Plugins.Bluesky.Tests.Mapping;

/// <summary>Facet offsets are UTF-8 byte offsets: spans are cut from bytes, not chars (emoji, Persian and Hebrew before them).</summary>
public sealed class FacetsTests
{
    [Fact]
    public void Read_TagAfterAnEmoji_CutsByBytes()
    {
        var record = Record(FakePdsData.OwnPost(0));

        var tag = Facets.Read(record).Should().ContainSingle().Subject;

        FakePdsData.SpringText.IndexOf('#', StringComparison.Ordinal).Should().Be(27, "the spec's fixture: UTF-16 index 27 …");
        record.GetProperty("facets")[0].GetProperty("index").GetProperty("byteStart").GetInt32().Should().Be(29, "… but UTF-8 byte 29");
        tag.Should().Be(new FacetSpan(FacetKind.Tag, "#gardening", "gardening"));
    }

    [Fact]
    public void Read_LinkAndMentionAfterEmojiPersianAndHebrew_CutsExactlyTheCoveredText()
    {
        var spans = Facets.Read(Record(FakePdsData.OwnPost(1)));

        spans.Should().Equal(
            new FacetSpan(FacetKind.Link, FakePdsData.RtlLinkText, FakePdsData.RtlLinkUri),
            new FacetSpan(FacetKind.Mention, "@" + FakePdsData.PartnerHandle, FakePdsData.PartnerDid));
    }

    [Fact]
    public void Read_OffsetsOutsideTheTextOrInsideACharacter_AreSkipped()
    {
        using var document = JsonDocument.Parse("""
            {"text":"🌱 hi","facets":[
              {"index":{"byteStart":1,"byteEnd":5},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"x"}]},
              {"index":{"byteStart":5,"byteEnd":99},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"y"}]},
              {"index":{"byteStart":5,"byteEnd":7},"features":[{"$type":"app.bsky.richtext.facet#future","x":1},{"$type":"app.bsky.richtext.facet#tag","tag":"hi"}]}]}
            """);

        Facets.Read(document.RootElement).Should().Equal(new FacetSpan(FacetKind.Tag, "hi", "hi"));
    }

    [Fact]
    public async Task Compute_MentionAndLinkAfterRtlTextAndEmoji_GivesByteOffsets()
    {
        const string text = "سلام 🌷 שלום @partner.example.com see https://example.com/a?b=1.";

        var facets = await Facets.ComputeAsync(text, handle => Task.FromResult(handle == FakePdsData.PartnerHandle ? FakePdsData.PartnerDid : null));

        var bytes = Encoding.UTF8.GetBytes(text);
        facets.Should().HaveCount(2);
        var mention = facets[0];
        Encoding.UTF8.GetString(bytes, mention.ByteStart, mention.ByteEnd - mention.ByteStart).Should().Be("@partner.example.com");
        mention.ByteStart.Should().NotBe(text.IndexOf('@', StringComparison.Ordinal), "bytes, not chars");
        var link = facets[1];
        Encoding.UTF8.GetString(bytes, link.ByteStart, link.ByteEnd - link.ByteStart).Should().Be("https://example.com/a?b=1", "the sentence's full stop is not part of the link");
        link.Value.Should().Be("https://example.com/a?b=1");
    }

    [Fact]
    public async Task Compute_AnAtInsideALink_IsPartOfTheLinkNotAMention()
    {
        var facets = await Facets.ComputeAsync("see https://example.com/@partner.example.com", _ => Task.FromResult<string?>(FakePdsData.PartnerDid));

        facets.Should().ContainSingle().Which.Kind.Should().Be(FacetKind.Link);
    }

    [Fact]
    public async Task Compute_UnresolvableHandle_GetsNoFacet()
    {
        var facets = await Facets.ComputeAsync("write to @nobody.invalid", _ => Task.FromResult<string?>(null));

        facets.Should().BeEmpty();
    }

    private static JsonElement Record(System.Text.Json.Nodes.JsonObject entry) =>
        JsonDocument.Parse(entry["post"]!["record"]!.ToJsonString()).RootElement;
}
