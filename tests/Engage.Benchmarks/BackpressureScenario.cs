using System.Globalization;

namespace Engage.Benchmarks;

/// <summary>
/// (b3) Back-pressure: ask for the whole table as one page, read the first bytes, then pause. A streaming
/// server waits for the client and holds a few megabytes; one that buffers the page holds all of it.
/// </summary>
internal static class BackpressureScenario
{
    public static async Task RunAsync(string databasePath, BenchmarkOptions options, TextWriter output)
    {
        await using var service = await InteractionService.StartAsync(databasePath, pageSize: options.Rows + 1);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "Interactions");
        using var response = await service.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        await stream.ReadExactlyAsync(new byte[256]);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var produced = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await stream.CopyToAsync(Stream.Null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"b3 back-pressure, one page of {options.Rows:N0} rows, client paused 3 s after 256 bytes: live managed memory grew by {held / 1024.0 / 1024.0:F1} MB, {produced / 1024.0 / 1024.0:F0} MB allocated meanwhile ({(held < 32L * 1024 * 1024 ? "streams with back-pressure" : "the page is buffered: NO back-pressure")})"));
    }
}
