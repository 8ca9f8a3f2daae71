using System.Diagnostics;
using System.Text.Json;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Http;

/// <summary>One host with the demo workspace, shared by the tests that read its data.</summary>
public class DemoFixture : IAsyncLifetime
{
    public DemoFixture()
        : this(new EngageAppFactory())
    {
    }

    protected DemoFixture(EngageAppFactory factory) => Factory = factory;

    public EngageAppFactory Factory { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>How long the first demo interactions took to appear after start.</summary>
    public TimeSpan TimeToFirstData { get; private set; }

    public JsonElement FirstPage { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Client = Factory.CreateAuthenticatedClient();
        FirstPage = await Factory.WaitForRowsAsync(Client, "/odata/Interactions?$top=5", TimeSpan.FromSeconds(60));
        TimeToFirstData = clock.Elapsed;

        // Wait for the first sync to finish (its run closes), so metrics and counts are settled.
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            var runs = await Client.GetStringAsync("/odata/SyncRuns?$filter=Status eq 'Succeeded'&$top=1");
            var metrics = await Client.GetStringAsync("/odata/MetricValues?$top=1");
            if (JsonDocument.Parse(runs).RootElement.GetProperty("value").GetArrayLength() > 0
                && JsonDocument.Parse(metrics).RootElement.GetProperty("value").GetArrayLength() > 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The demo's first sync did not finish (or produced no metrics) within 120 s.");
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
