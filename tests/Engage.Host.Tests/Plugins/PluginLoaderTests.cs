using System.Runtime.Loader;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Sdk.Connectors;
using Engage.Sdk.Items;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Plugins;

/// <summary>Plugins that should load: a good one, isolated dependencies, a stray SDK copy; and failures that stay contained.</summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly FixturePluginBuilder _fixtures = new();

    [Fact]
    public async Task LoadAllAsync_GoodPlugin_LoadsAndItsPullReturnsTheBatch()
    {
        _fixtures.AddPlugin("fixture.good", "good", FixtureSources.Plugin("good"));

        var plugin = (await _fixtures.LoadAllAsync()).Should().ContainSingle().Subject;

        plugin.Status.Should().Be(PluginStatus.Loaded, plugin.Reason);
        plugin.Reason.Should().BeNull();
        plugin.Kinds.Should().Be("Connector");
        plugin.Version.Should().Be("1.0.0");
        var connector = plugin.Connectors.Should().ContainSingle().Subject;
        connector.Info.Id.Should().Be("good");
        connector.Info.Capabilities.Should().Be(ConnectorCapabilities.Pull);
        connector.GetType().GetInterfaces().Should().Contain(typeof(IConnector), "the plugin must implement the host's own IConnector");
        AssemblyLoadContext.GetLoadContext(connector.GetType().Assembly).Should().BeSameAs(plugin.Context);

        var invoker = new PluginInvoker(new PluginInvokerOptions(), NullLogger<PluginInvoker>.Instance);
        var session = await invoker.InvokeAsync(plugin, "connect", ct => connector.ConnectAsync(new FixtureConnectorContext(), ct), CancellationToken.None);
        await using var _ = session;
        var batch = await invoker.InvokeAsync(plugin, "pull", ct => ((IPullSession)session).PullAsync(null, ct), CancellationToken.None);

        batch.Accounts.Should().Equal(new AccountItem("acc-1", "@fixture@example.social"));
        batch.NextCursor.Should().Be("cursor-1");
        plugin.ConsecutiveFaults.Should().Be(0);
    }

    [Fact]
    public async Task LoadAllAsync_TwoPluginsOnTwoVersionsOfOneLibrary_EachSeesItsOwnVersion()
    {
        var v1 = _fixtures.AddLibrary("Fixture.Lib", "1.0.0.0", FixtureSources.Library("Fixture.Lib", "v1"));
        var v2 = _fixtures.AddLibrary("Fixture.Lib", "2.0.0.0", FixtureSources.Library("Fixture.Lib", "v2"));
        const string fromLibrary = "global::Fixture.Lib.LibInfo.Name()";
        _fixtures.AddPlugin("fixture.lib-one", "one", FixtureSources.Plugin("one", displayName: fromLibrary), [v1]);
        _fixtures.CopyInto("fixture.lib-one", v1);
        _fixtures.AddPlugin("fixture.lib-two", "two", FixtureSources.Plugin("two", displayName: fromLibrary), [v2]);
        _fixtures.CopyInto("fixture.lib-two", v2);

        var plugins = await _fixtures.LoadAllAsync();

        plugins.Select(p => (p.Id, p.Status)).Should().Equal(("fixture.lib-one", PluginStatus.Loaded), ("fixture.lib-two", PluginStatus.Loaded));
        plugins.Select(p => p.Connectors.Single().Info.DisplayName).Should().Equal("v1", "v2");
        plugins.Select(p => p.Context!.Assemblies.Single(a => a.GetName().Name == "Fixture.Lib").GetName().Version)
            .Should().Equal(new Version(1, 0, 0, 0), new Version(2, 0, 0, 0));
    }

    [Fact]
    public async Task LoadAllAsync_PluginShippingItsOwnSdk_BindsToTheHostSdkAndWarnsNamingTheFile()
    {
        var folder = _fixtures.AddPlugin("fixture.stray-sdk", "stray", FixtureSources.Plugin("stray"));
        _fixtures.CopyHostSdkInto("fixture.stray-sdk");
        var strayFile = Path.Combine(folder, "Engage.Sdk.dll");
        var logger = new CapturingLogger();

        var plugin = (await _fixtures.LoadAllAsync(logger)).Should().ContainSingle().Subject;

        plugin.Status.Should().Be(PluginStatus.Loaded, plugin.Reason);
        var connector = plugin.Connectors.Should().ContainSingle().Subject;
        (connector is IConnector).Should().BeTrue();
        connector.GetType().GetInterface(typeof(IConnector).FullName!)!.Assembly.Should().BeSameAs(typeof(IConnector).Assembly);
        plugin.Context!.Assemblies.Select(a => a.GetName().Name).Should().NotContain("Engage.Sdk", "the plugin's copy must never be loaded");
        plugin.Reason.Should().Contain(strayFile).And.Contain("Private=false");
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains(strayFile) && e.Message.Contains("fixture.stray-sdk"));
    }

    [Fact]
    public async Task LoadAllAsync_PluginMissingADependency_FailsNamingItWhileAnotherLoads()
    {
        var missing = _fixtures.AddLibrary("Fixture.Missing", "1.0.0.0", FixtureSources.Library("Fixture.Missing", "never"));
        _fixtures.AddPlugin("fixture.a-missing", "missing",
            FixtureSources.Plugin("missing", register: "_ = global::Fixture.Missing.LibInfo.Name();"), [missing]);
        _fixtures.AddPlugin("fixture.b-good", "good", FixtureSources.Plugin("good"));

        var plugins = await _fixtures.LoadAllAsync();

        var broken = plugins.Single(p => p.Id == "fixture.a-missing");
        broken.Status.Should().Be(PluginStatus.Failed);
        broken.Reason.Should().Contain("Fixture.Missing").And.Contain("missing");
        broken.Connectors.Should().BeEmpty();
        plugins.Single(p => p.Id == "fixture.b-good").Status.Should().Be(PluginStatus.Loaded);
    }

    [Fact]
    public async Task LoadAllAsync_PluginThrowingInRegister_FailsWithItsMessageWhileAnotherLoads()
    {
        _fixtures.AddPlugin("fixture.a-throws", "throws",
            FixtureSources.Plugin("throws", register: "if (registrar != null) throw new InvalidOperationException(\"registration exploded\");"));
        _fixtures.AddPlugin("fixture.b-good", "good", FixtureSources.Plugin("good"));
        var logger = new CapturingLogger();

        var plugins = await _fixtures.LoadAllAsync(logger);

        var broken = plugins.Single(p => p.Id == "fixture.a-throws");
        broken.Status.Should().Be(PluginStatus.Failed);
        broken.Reason.Should().Contain("InvalidOperationException").And.Contain("registration exploded");
        broken.Context.Should().BeNull("a failed plugin's code is unloaded");
        plugins.Single(p => p.Id == "fixture.b-good").Status.Should().Be(PluginStatus.Loaded);
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains("fixture.a-throws") && e.Message.Contains("registration exploded"));
    }

    public void Dispose() => _fixtures.Dispose();
}
