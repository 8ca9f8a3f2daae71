using System.Diagnostics;
using System.Text;
using Engage.Host.Tests.Infrastructure;
using Engage.Host.Tests.Plugins;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// Issue 4: "On first start the server creates an admin key and tells the operator once where to find it (console and a file
/// readable only by the owner in the data folder); it never logs it again." The built host runs as a child process twice on
/// one data folder, every log category at Trace on the console.
/// </summary>
public sealed class AdminKeyBootstrapTests : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private readonly TempFolder _root = new();

    [Fact]
    public async Task FirstAndSecondStart_KeyShownOnceOnTheBannerLine_FileIsOwnerOnly_NeverLoggedAgain()
    {
        var data = _root.Combine("data");
        var first = await RunUntilBannerAsync(data);
        var key = File.ReadAllText(Path.Combine(data, "admin-key.txt")).Trim();
        var second = await RunUntilBannerAsync(data);

        key.Should().StartWith("engage_").And.HaveLength(50);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(data, "admin-key.txt")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var lines = first.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.Where(l => l.Contains(key, StringComparison.Ordinal)).Should().ContainSingle("the key is printed once, on its own banner line")
            .Which.Trim().Should().Be(key);
        var banner = lines.FindIndex(l => l.Contains(key, StringComparison.Ordinal));
        lines[banner - 1].Should().Contain("Admin API key (shown once; also in").And.Contain("admin-key.txt");
        first.Should().Contain("Created the first admin API key; it is in");
        first.Should().Contain("dbug:", "the first start logged at Debug level and below too");
        second.Should().NotContain(key, "the second start neither prints nor logs the key");
        second.Should().Contain("the admin key created on first start is in").And.NotContain("Created the first admin API key");
        var scanner = new SecretScanner();
        scanner.AddSecret("admin API key", key);
        scanner.AddText("first start without its banner line", string.Join("\n", lines.Where((_, i) => i != banner)));
        scanner.AddText("second start", second);
        scanner.Leaks().Should().BeEmpty();
    }

    public void Dispose() => _root.Dispose();

    /// <summary>Starts the host on <paramref name="data"/>, reads its console until the banner is complete, then stops it.</summary>
    private async Task<string> RunUntilBannerAsync(string data)
    {
        var plugins = Directory.CreateDirectory(_root.Combine("plugins")).FullName;
        var start = new ProcessStartInfo(EngageHostProcess.DotnetExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     EngageHostProcess.HostAssembly, "--contentRoot", RepoPaths.Root, $"--Engage:DataPath={data}", $"--Engage:PluginsPath={plugins}",
                     "--Engage:Demo:Enabled=false", "--Engage:Scheduler:Enabled=false", "--urls=http://127.0.0.1:0",
                     "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var output = new StringBuilder();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains("Excel / Power BI: Get Data", StringComparison.Ordinal))
            {
                done.TrySetResult(); // the banner's last line
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = await Task.WhenAny(done.Task, process.WaitForExitAsync(), Task.Delay(StartLimit));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        lock (output)
        {
            finished.Should().Be(done.Task, $"the host prints its banner within {StartLimit.TotalSeconds} s; it printed:\n{output}");
            return output.ToString();
        }
    }
}
