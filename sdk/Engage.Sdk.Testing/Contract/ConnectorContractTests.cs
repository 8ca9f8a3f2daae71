using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Testing.Sync;
using Xunit;

namespace Engage.Sdk.Testing.Contract;

/// <summary>
/// The contract every connector keeps with the host, as xunit tests. Derive a test class, say how to create the
/// connector and a context for each <see cref="ConnectorScenario"/> (usually against a local fake server the class
/// starts), and give settings samples; the tests below then run for your connector:
/// connect is idempotent, dispose is safe after a failed connect or pull, a pull stops promptly on cancellation,
/// settings validation is pure (no I/O, same answer twice), and re-running a sync over the same data yields the
/// same items.
/// </summary>
public abstract class ConnectorContractTests
{
    /// <summary>Creates the connector under test (a new instance each time, as the host may).</summary>
    protected abstract IConnector CreateConnector();

    /// <summary>Creates a context for a scenario. Each call may return a new context over the same data.</summary>
    /// <param name="scenario">The situation to set up.</param>
    protected abstract Task<Engage.Sdk.Connectors.IConnectorContext> CreateContextAsync(ConnectorScenario scenario);

    /// <summary>Non-secret settings the connector accepts.</summary>
    protected abstract IEnumerable<IReadOnlyDictionary<string, string?>> ValidSettings { get; }

    /// <summary>Non-secret settings the connector must refuse, each with at least one problem.</summary>
    protected abstract IEnumerable<IReadOnlyDictionary<string, string?>> InvalidSettings { get; }

    /// <summary>
    /// The number of requests the fake network has received so far, when the test can tell; null when it cannot. Used
    /// to show that validating settings does no network I/O.
    /// </summary>
    protected virtual long? NetworkRequestCount => null;

    /// <summary>How soon after cancellation a pull must have stopped. Generous: the slow network takes far longer.</summary>
    protected virtual TimeSpan CancellationBound => TimeSpan.FromSeconds(15);

    /// <summary>The most batches one full sync may take in these tests.</summary>
    protected virtual int MaxBatches => 1000;

    /// <summary>Connecting twice with the same connection is harmless: both sessions pull the same first batch.</summary>
    [Fact]
    public async Task ConnectAsync_CalledTwice_BothSessionsPullTheSameItems()
    {
        var connector = CreateConnector();
        var context = await CreateContextAsync(ConnectorScenario.Working);
        await using var first = await connector.ConnectAsync(context, CancellationToken.None);
        await using var second = await connector.ConnectAsync(context, CancellationToken.None);
        var a = new InMemoryItemStore();
        var b = new InMemoryItemStore();
        a.Store(await Pull(first).PullAsync(null, CancellationToken.None));
        b.Store(await Pull(second).PullAsync(null, CancellationToken.None));
        Assert.Equal(a.Snapshot(), b.Snapshot());
    }

    /// <summary>
    /// A refused connect fails with a classified <see cref="PluginException"/> (not a crash), the connector stays usable,
    /// and disposing sessions is safe at any time, twice, and after a failed pull.
    /// </summary>
    [Fact]
    public async Task DisposeAsync_AfterFailedConnectOrPull_IsSafe()
    {
        var connector = CreateConnector();
        var refused = await CreateContextAsync(ConnectorScenario.CredentialsRefused);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => connector.ConnectAsync(refused, CancellationToken.None));
        var classified = Assert.IsType<PluginException>(failure, exactMatch: false);
        Assert.Equal(PluginFailureKind.CredentialsInvalid, classified.Kind);

        var session = await connector.ConnectAsync(await CreateContextAsync(ConnectorScenario.Working), CancellationToken.None);
        await session.DisposeAsync();
        await session.DisposeAsync();

        var slow = await connector.ConnectAsync(await CreateContextAsync(ConnectorScenario.Slow), CancellationToken.None);
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PullDriver.RunAsync(Pull(slow), new InMemoryCursorStore(), null, MaxBatches, cancel.Token));
        }

        await slow.DisposeAsync();
    }

    /// <summary>A sync over a slow network stops soon after its token is cancelled, with an <see cref="OperationCanceledException"/>.</summary>
    [Fact]
    public async Task Sync_Cancelled_StopsPromptly()
    {
        var connector = CreateConnector();
        await using var session = await connector.ConnectAsync(await CreateContextAsync(ConnectorScenario.Slow), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var pull = PullDriver.RunAsync(Pull(session), new InMemoryCursorStore(), null, MaxBatches, cancel.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();
        var finished = await Task.WhenAny(pull, Task.Delay(CancellationBound));
        Assert.True(finished == pull, $"The pull was still running {CancellationBound.TotalSeconds:0} s after cancellation.");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pull);
        Assert.True(watch.Elapsed < CancellationBound);
    }

    /// <summary>Validating settings is pure: the same answer twice, empty for valid settings, and no network request.</summary>
    [Fact]
    public void ValidateSettings_SameInputTwice_SameAnswerWithoutNetwork()
    {
        var connector = CreateConnector();
        var before = NetworkRequestCount;
        foreach (var settings in ValidSettings)
        {
            Assert.Empty(connector.ValidateSettings(settings));
            Assert.Empty(connector.ValidateSettings(settings));
        }

        foreach (var settings in InvalidSettings)
        {
            var first = connector.ValidateSettings(settings);
            var second = connector.ValidateSettings(settings);
            Assert.NotEmpty(first);
            Assert.Equal(first, second);
            Assert.All(first, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        }

        Assert.Equal(before, NetworkRequestCount);
    }

    /// <summary>Two full syncs from scratch over the same data store exactly the same items, and some items at all.</summary>
    [Fact]
    public async Task Sync_RunTwiceOverSameData_YieldsSameItems()
    {
        var connector = CreateConnector();
        var first = new InMemoryItemStore();
        var second = new InMemoryItemStore();
        var runA = await PullDriver.ConnectAndRunAsync(connector, await CreateContextAsync(ConnectorScenario.Working), new InMemoryCursorStore(), first, MaxBatches);
        var runB = await PullDriver.ConnectAndRunAsync(CreateConnector(), await CreateContextAsync(ConnectorScenario.Working), new InMemoryCursorStore(), second, MaxBatches);
        Assert.Null(runA.Failure);
        Assert.True(runA.Completed, $"The first sync did not finish within {MaxBatches} batches.");
        Assert.Null(runB.Failure);
        Assert.NotEmpty(first.Snapshot());
        Assert.Equal(first.Snapshot(), second.Snapshot());
    }

    private static IPullSession Pull(IConnectorSession session) =>
        session as IPullSession ?? throw new InvalidOperationException("The connector's session does not implement IPullSession.");
}
