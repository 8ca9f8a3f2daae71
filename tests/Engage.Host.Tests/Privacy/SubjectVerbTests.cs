using System.IO.Compression;
using System.Text.Json;
using Engage.Host.Operator;

namespace Engage.Host.Tests.Privacy;

/// <summary>The operator's <c>subject export</c> and <c>subject erase</c>, run as the command line runs them.</summary>
public sealed class SubjectVerbTests
{
    [Fact]
    public async Task Export_JsonAndCsv_WriteFilesIntoTheGivenFolder()
    {
        using var scene = await PrivacyScene.CreateAsync();
        var contacts = $"{scene.AnaMastodon},{scene.AnaBluesky}";

        var json = await RunAsync(scene, "subject", "export", "--contacts", contacts, "--to", "out");
        var csv = await RunAsync(scene, "subject", "export", "--contacts", contacts, "--format", "csv", "--to", "out");

        json.ExitCode.Should().Be(0, json.Error);
        csv.ExitCode.Should().Be(0, csv.Error);
        var folder = Path.Combine(scene.Db.Folder, "out");
        var document = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(folder, "*.json").Should().ContainSingle().Subject)).RootElement;
        document.GetProperty("interactions").GetArrayLength().Should().Be(6);
        using var zip = ZipFile.OpenRead(Directory.GetFiles(folder, "*.zip").Should().ContainSingle().Subject);
        zip.GetEntry("Interactions.csv").Should().NotBeNull();
        json.Output.Should().Contain("Interactions 6").And.Contain("holds personal data");
        (await scene.Db.ScalarAsync("SELECT COUNT(*) FROM AuditEvents WHERE Action = 'Subject.Export' AND Actor = 'operator (command line)'")).Should().Be(2L);
    }

    [Fact]
    public async Task Erase_AnonymisesAndSaysWhatItDid()
    {
        using var scene = await PrivacyScene.CreateAsync();

        var erase = await RunAsync(scene, "subject", "erase", "--contacts", $"{scene.AnaMastodon},{scene.AnaBluesky}", "--reason", "GDPR request 2026-117");

        erase.ExitCode.Should().Be(0, erase.Error);
        erase.Output.Should().Contain("contacts 2, conversations 2, interactions 6");
        (await PrivacyAssertions.DumpAllAsync(scene.Db)).ShouldHoldNoneOf(PrivacyScene.AnasData, "the verb erases like the endpoint");
        (await scene.ResyncAsync()).Should().Be(0);
    }

    [Fact]
    public void IsVerb_Subject_RunsTheVerbInsteadOfTheServer() =>
        OperatorCommands.IsVerb(["subject", "export", "--contacts", "5"]).Should().BeTrue();

    [Theory]
    [InlineData("subject", "subject takes one subcommand")]
    [InlineData("subject export", "Name the contacts")]
    [InlineData("subject export --contacts 5,x", "'5,x' is not a list of contact Ids")]
    [InlineData("subject export --contacts 5 --format xml", "Unknown format 'xml'")]
    [InlineData("subject export --contacts 5 --reason because", "An export takes no reason")]
    [InlineData("subject erase --contacts 5", "Give a reason")]
    [InlineData("subject erase --contacts 5 --reason r --to out", "subject erase takes no --to")]
    [InlineData("subject erase --contacts 5 --bogus 1", "Unknown option --bogus")]
    public async Task WrongArguments_ExitTwoWithUsage(string commandLine, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await OperatorCommands.RunAsync(commandLine.Split(' '), output, error, TimeProvider.System, CancellationToken.None);

        code.Should().Be(2);
        error.ToString().Should().Contain(message).And.Contain("Usage:");
    }

    [Fact]
    public async Task UnknownContactOrPersonalReason_IsRefusedWithExitOne()
    {
        using var scene = await PrivacyScene.CreateAsync();
        var before = await PrivacyAssertions.DumpAllAsync(scene.Db);

        var unknown = await RunAsync(scene, "subject", "export", "--contacts", "999");
        var named = await RunAsync(scene, "subject", "erase", "--contacts", $"{scene.AnaMastodon}", "--reason", "asked by @ana@social.example");

        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().Contain("There is no contact 999").And.Contain("/odata/Contacts");
        named.ExitCode.Should().Be(1);
        named.Error.Should().Contain("case or ticket number").And.Contain("Nothing was changed");
        (await PrivacyAssertions.DumpAllAsync(scene.Db)).Should().Be(before);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(PrivacyScene scene, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OperatorCommands.RunAsync([.. args, "--contentRoot", scene.Db.Folder, $"--Engage:DataPath={scene.Db.Folder}"], output, error,
            TimeProvider.System, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
