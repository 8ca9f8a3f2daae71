using System.Text.Json;
using System.Text.Json.Nodes;
using Engage.Host.Hosting;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Hosting;

public sealed class ContentRootTests
{
    [Fact]
    public void Locate_FromTheBuildOutput_FindsTheRepositoryAppsettings()
    {
        var root = ContentRootLocator.Locate(AppContext.BaseDirectory);

        root.Should().Be(RepoPaths.Root);
        File.Exists(Path.Combine(root, "appsettings.json")).Should().BeTrue();
    }

    [Fact]
    public void Locate_OutsideACheckout_UsesTheProgramFolder()
    {
        using var folder = new TempFolder();

        ContentRootLocator.Locate(folder.Path).Should().Be(folder.Path);
    }

    [Fact]
    public async Task AppSettings_AnEditedValue_TakesEffect()
    {
        using var root = new TempFolder();
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "appsettings.json")))!;
        settings["Engage"]!["Demo"]!["WorkspaceName"] = "Edited in appsettings.json";
        settings["Engage"]!["Scheduler"]!["Enabled"] = false;
        await File.WriteAllTextAsync(root.Combine("appsettings.json"), settings.ToJsonString());
        using var factory = new EngageAppFactory { ContentRoot = root.Path };

        using var client = factory.CreateAuthenticatedClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/odata/Workspaces")).RootElement;

        json.GetProperty("value").EnumerateArray().Select(w => w.GetProperty("Name").GetString()).Should().Equal("Edited in appsettings.json");
    }
}
