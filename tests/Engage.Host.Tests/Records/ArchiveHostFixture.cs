using System.Net.Http.Headers;
using Engage.Host.Ingestion;
using Engage.Host.Security;
using Engage.Host.Store;
using Engage.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Host.Tests.Records;

/// <summary>The real host without the demo, holding <see cref="RecordsSamples"/> in one workspace and an Analyst key.</summary>
public sealed class ArchiveHostFixture : IAsyncLifetime
{
    public EngageAppFactory Factory { get; } = new() { Settings = { ["Engage:Demo:Enabled"] = "false" } };

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Analyst { get; private set; } = null!;

    public long Workspace { get; private set; }

    internal EngageDatabase Database => Factory.Services.GetRequiredService<EngageDatabase>();

    public async Task InitializeAsync()
    {
        Admin = Factory.CreateAuthenticatedClient();
        (await Admin.GetAsync("/odata/Workspaces")).EnsureSuccessStatusCode();
        Workspace = await RecordsSamples.SeedAsync(Database, Factory.Services.GetRequiredService<BatchWriter>());
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            var analystKey = await ApiKeyStore.InsertAsync(connection, null, "analyst", "Analyst", Workspace.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                DateTimeOffset.UtcNow, CancellationToken.None);
            Analyst = Factory.CreateClient();
            Analyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", analystKey.Secret);
        }
    }

    public Task DisposeAsync()
    {
        Admin.Dispose();
        Analyst.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
