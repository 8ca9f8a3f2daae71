using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Engage.Host.Audit;
using Engage.Host.Privacy.Export;

namespace Engage.Host.Tests.Privacy;

public sealed class SubjectExportTests
{
    [Fact]
    public async Task Export_Json_HoldsBothNetworksWithTextExact()
    {
        using var scene = await PrivacyScene.CreateAsync();

        var json = JsonDocument.Parse(await ExportAsync(scene, SubjectFormat.Json)).RootElement;

        json.GetProperty("workspaceId").GetInt64().Should().Be(scene.Workspace);
        json.GetProperty("contactIds").EnumerateArray().Select(e => e.GetInt64()).Should().Equal(scene.AnaMastodon, scene.AnaBluesky);
        json.GetProperty("generatedAt").GetString().Should().NotBeNullOrEmpty();
        var counts = json.GetProperty("counts");
        (counts.GetProperty("contacts").GetInt32(), counts.GetProperty("conversations").GetInt32(), counts.GetProperty("interactions").GetInt32(),
            counts.GetProperty("moments").GetInt32(), counts.GetProperty("publications").GetInt32()).Should().Be((2, 2, 6, 2, 1));
        json.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("Network").GetString()).Should().Equal("mastodon", "bluesky");
        json.GetProperty("contacts")[0].GetProperty("DisplayName").GetString().Should().Be("Ana 📚 אנה");
        json.GetProperty("contacts")[0].GetProperty("IsCustomer").GetBoolean().Should().BeFalse();
        Texts(json.GetProperty("interactions")).Should().BeEquivalentTo(
            "سلام! Until when, \"exactly\",\nשלום 👋🏽", "Until 22:00, dear reader!", null, "@library thanks 🙏 for the book", "Merci, c'est super ✨",
            "Glad you liked it 💙");
        json.GetProperty("moments").EnumerateArray().Select(m => m.GetProperty("Change").GetString()).Should().Equal("became a regular visitor", "Thanked us");
        json.GetProperty("publications")[0].GetProperty("Text").GetString().Should().Be("Reply draft to our reader");
        json.ToString().Should().NotContain("داریوش").And.NotContain("Tomorrow, Dariush").And.NotContain("Found his book", "another person's data is not in the package");
    }

    [Fact]
    public async Task Export_Csv_IsAZipOfRfc4180FilesWithBomAndExactText()
    {
        using var scene = await PrivacyScene.CreateAsync();

        using var zip = new ZipArchive(new MemoryStream(await ExportBytesAsync(scene, SubjectFormat.Csv)));

        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo(
            "export.json", "Contacts.csv", "Conversations.csv", "Interactions.csv", "Moments.csv", "Publications.csv", "AuditEvents.csv");
        var header = JsonDocument.Parse(Read(zip, "export.json", out _)).RootElement;
        header.GetProperty("counts").GetProperty("interactions").GetInt32().Should().Be(6);
        var interactions = CsvReader.Rows(Read(zip, "Interactions.csv", out var bom));
        bom.Should().BeTrue("Excel needs the byte order mark to read UTF-8");
        interactions.Select(r => r["Text"]).Should().BeEquivalentTo(
            "سلام! Until when, \"exactly\",\nשלום 👋🏽", "Until 22:00, dear reader!", "", "@library thanks 🙏 for the book", "Merci, c'est super ✨",
            "Glad you liked it 💙");
        interactions.Select(r => r["Network"]).Distinct().Should().BeEquivalentTo("mastodon", "bluesky");
        var contacts = CsvReader.Rows(Read(zip, "Contacts.csv", out _));
        contacts.Select(r => r["Handle"]).Should().Equal("@ana@social.example", "ana.bsky.social");
        contacts[0]["DisplayName"].Should().Be("Ana 📚 אנה");
        CsvReader.Rows(Read(zip, "Moments.csv", out _)).Select(r => r["PeopleInvolved"]).Should().Equal("Ana from the book club", "");
    }

    [Fact]
    public async Task Export_IsAudited_WithIdsFormatAndCountsButNoPersonalData()
    {
        using var scene = await PrivacyScene.CreateAsync();

        await ExportAsync(scene, SubjectFormat.Csv);

        var row = string.Join("\n", await scene.Db.DumpAsync("AuditEvents", "Actor, Action, EntitySet, EntityId, Details"));
        row.Should().Contain("Subject.Export").And.Contain($"{scene.AnaMastodon},{scene.AnaBluesky}").And.Contain("as csv").And.Contain("Interactions 6");
        row.ShouldHoldNoneOf(PrivacyScene.AnasData, "the audit row names no handle, name or text");
        (await new AuditVerifier(scene.Db.Database).VerifyAsync(TextWriter.Null, CancellationToken.None)).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Export_AfterErasure_ShowsOnlyAnonymisedRows()
    {
        using var scene = await PrivacyScene.CreateAsync();
        await new Engage.Host.Privacy.Erasure.SubjectEraser(scene.Db.Database, TimeProvider.System)
            .EraseAsync([scene.AnaMastodon, scene.AnaBluesky], "case 5", "tester", _ => true, CancellationToken.None);

        var json = await ExportAsync(scene, SubjectFormat.Json);

        json.ShouldHoldNoneOf(PrivacyScene.AnasData, "nothing erased is left to export");
        JsonDocument.Parse(json).RootElement.GetProperty("counts").GetProperty("interactions").GetInt32().Should().Be(6, "the rows are kept");
    }

    private static IEnumerable<string?> Texts(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetProperty("Text").GetString());

    private static async Task<string> ExportAsync(PrivacyScene scene, SubjectFormat format) =>
        Encoding.UTF8.GetString(await ExportBytesAsync(scene, format));

    private static async Task<byte[]> ExportBytesAsync(PrivacyScene scene, SubjectFormat format)
    {
        var export = await new SubjectExporter(scene.Db.Database, TimeProvider.System)
            .ExportAsync([scene.AnaMastodon, scene.AnaBluesky], format, "tester", _ => true, CancellationToken.None);
        using var stream = new MemoryStream();
        await SubjectExporter.WriteAsync(export, format, stream, CancellationToken.None);
        return stream.ToArray();
    }

    private static string Read(ZipArchive zip, string name, out bool bom)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        return Encoding.UTF8.GetString(bom ? bytes[3..] : bytes);
    }
}
