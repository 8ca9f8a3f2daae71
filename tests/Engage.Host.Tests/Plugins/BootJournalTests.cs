using Engage.Host.Plugins;
using Engage.Host.Plugins.Loading;
using Microsoft.Extensions.Logging;

namespace Engage.Host.Tests.Plugins;

/// <summary>A plugin that killed the process while starting is skipped on the next start.</summary>
public sealed class BootJournalTests : IDisposable
{
    private readonly FixturePluginBuilder _fixtures = new();

    [Fact]
    public async Task LoadAllAsync_PluginThatKilledTheHostWhileStarting_IsQuarantinedOnTheNextStart()
    {
        var host = EngageHostProcess.HostAssembly;
        File.Exists(host).Should().BeTrue($"this test starts the real host, built by 'dotnet test Engage.sln' into {host}; build the solution first");
        _fixtures.AddPlugin("fixture.a-crash", "crash", FixtureSources.Plugin("crash", register: "Environment.FailFast(\"fixture crash\");"));
        _fixtures.AddPlugin("fixture.b-good", "good", FixtureSources.Plugin("good"));
        var contentRoot = Directory.CreateDirectory(Path.Combine(_fixtures.Root, "content")).FullName;

        var (exitCode, output) = await EngageHostProcess.RunAsync(contentRoot, _fixtures.DataPath, _fixtures.PluginsPath, TimeSpan.FromSeconds(60));

        exitCode.Should().NotBe(0, "the plugin killed the host. Output:\n{0}", output);
        output.Should().Contain("fixture crash");
        File.Exists(_fixtures.JournalPath).Should().BeTrue("the host records each plugin before running its code. Output:\n{0}", output);
        File.ReadAllText(_fixtures.JournalPath).Should().Contain("fixture.a-crash");

        var logger = new CapturingLogger();
        var plugins = await _fixtures.LoadAllAsync(logger);

        var crashed = plugins.Single(p => p.Id == "fixture.a-crash");
        crashed.Status.Should().Be(PluginStatus.Quarantined);
        crashed.Reason.Should().Contain("crashed the process while starting").And.Contain(_fixtures.JournalPath);
        crashed.Context.Should().BeNull("its code must not be loaded again");
        plugins.Single(p => p.Id == "fixture.b-good").Status.Should().Be(PluginStatus.Loaded);
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains("fixture.a-crash") && e.Message.Contains("crashed the process"));
    }

    [Fact]
    public void RecoverCrash_StartLeftUnfinished_QuarantinesThatVersionOnly()
    {
        var path = _fixtures.JournalPath;
        new BootJournal(path).Begin("acme.crm", "1.0.0"); // the process "dies" here: End is never called
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

        var journal = new BootJournal(path);
        var crashed = journal.RecoverCrash(now);

        crashed.Should().Be("acme.crm");
        journal.CrashOf("acme.crm", "1.0.0").Should().Be(new BootJournal.CrashRecord("1.0.0", now));
        journal.CrashOf("acme.crm", "1.0.1").Should().BeNull("a new version gets another chance");
        new BootJournal(path).CrashOf("acme.crm", "1.0.0").Should().NotBeNull("the crash is remembered across restarts");
        new BootJournal(path).RecoverCrash(now).Should().BeNull("the crash is recorded once");
    }

    [Fact]
    public void RecoverCrash_StartThatFinished_RecordsNothing()
    {
        var journal = new BootJournal(_fixtures.JournalPath);
        journal.Begin("acme.crm", "1.0.0");
        journal.End();

        new BootJournal(_fixtures.JournalPath).RecoverCrash(DateTimeOffset.UnixEpoch).Should().BeNull();
    }

    [Fact]
    public void RecoverCrash_TornJournal_StartsClean()
    {
        File.WriteAllText(_fixtures.JournalPath, "{\"Starting\":{\"Id\":\"acme");

        new BootJournal(_fixtures.JournalPath).RecoverCrash(DateTimeOffset.UnixEpoch).Should().BeNull();
    }

    public void Dispose() => _fixtures.Dispose();
}
