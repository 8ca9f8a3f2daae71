using System.Net.Http.Headers;
using System.Text.Json;
using Engage.Host.Security;
using Engage.Host.Store;
using Engage.Host.Tests.Http;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Privacy;

/// <summary>
/// A demo host of its own (erasure changes its data) whose demo connection syncs once and then only when asked,
/// so figures compared before and after an erasure cannot move because of a background sync.
/// </summary>
public sealed class PrivacyDemoFixture : DemoFixture
{
    public PrivacyDemoFixture()
        : base(Quiet(new EngageAppFactory()))
    {
    }

    internal EngageDatabase Database => new(Path.Combine(Factory.DataPath, "engage.db"));

    /// <summary>The contacts of the demo workspace with the most interactions, busiest first.</summary>
    public async Task<long[]> BusiestContactsAsync(int count)
    {
        var json = await Client.GetJsonAsync(
            $"/odata/Interactions?$apply=filter(ContactId ne null)/groupby((ContactId),aggregate($count as N))&$orderby=N desc,ContactId&$top={count}");
        return [.. json.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("ContactId").GetInt64())];
    }

    /// <summary>A client with a new key of <paramref name="role"/>, limited to <paramref name="workspaces"/> (null: all).</summary>
    internal async Task<HttpClient> ClientWithKeyAsync(string role, string? workspaces)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var key = await ApiKeyStore.InsertAsync(connection, null, $"{role} {workspaces}", role, workspaces, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    internal Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) => Database.ScalarAsync(sql, parameters);

    internal static string Ids(IEnumerable<long> ids) => JsonSerializer.Serialize(ids);

    private static EngageAppFactory Quiet(EngageAppFactory factory)
    {
        factory.Settings["Engage:Demo:SyncIntervalSeconds"] = "86400";
        return factory;
    }
}
