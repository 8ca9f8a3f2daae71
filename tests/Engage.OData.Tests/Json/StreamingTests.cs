using System.Net;
using System.Text.Json;
using Engage.OData.Tests.Support;

namespace Engage.OData.Tests.Json;

public sealed class StreamingTests : IAsyncLifetime
{
    private const int Rows = 20_000;
    private readonly TestDatabase _database = new(Rows);
    private ODataTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await ODataTestServer.StartAsync(_database, ODataTestServer.DefaultDefinition(_database, pageSize: Rows));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Get_LargePage_StreamsEveryRowAsValidJson()
    {
        using var response = await _server.Client.GetAsync("odata/Orders?$count=true", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().BeNull("the feed is streamed, not buffered");
        var rows = document.RootElement.GetProperty("value");
        rows.GetArrayLength().Should().Be(Rows);
        rows[Rows - 1].GetProperty("Id").GetInt64().Should().Be(Rows);
        document.RootElement.GetProperty("@odata.count").GetInt64().Should().Be(Rows);
        document.RootElement.TryGetProperty("@odata.nextLink", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Get_ClientStopsReadingEarly_ServerKeepsServing()
    {
        using (var response = await _server.Client.GetAsync("odata/Orders", HttpCompletionOption.ResponseHeadersRead))
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer);
        }

        var next = await _server.Client.GetODataAsync("odata/Orders?$top=3");

        next.Status.Should().Be(HttpStatusCode.OK);
        next.Rows.Should().HaveCount(3);
    }
}
