using System.Diagnostics;
using System.Text;
using Engage.Host.Tests.Infrastructure;

namespace Engage.Host.Tests.Plugins;

/// <summary>Runs the built Engage host as a child process on temporary folders, to watch it start (or die).</summary>
internal static class EngageHostProcess
{
    /// <summary>The host's build output for the configuration these tests were built with.</summary>
    public static string HostAssembly
    {
        get
        {
            // AppContext.BaseDirectory is .../tests/Engage.Host.Tests/bin/<Configuration>/<tfm>/
            var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var configuration = output.Parent!.Name;
            return Path.Combine(RepoPaths.Root, "host", "Engage.Host", "bin", configuration, output.Name, "Engage.Host.dll");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string contentRoot, string data, string plugins, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        foreach (var argument in new[]
                 {
                     HostAssembly, "--contentRoot", contentRoot, $"--Engage:DataPath={data}", $"--Engage:PluginsPath={plugins}",
                     "--Engage:Demo:Enabled=false", "--Engage:Scheduler:Enabled=false", "--urls=http://127.0.0.1:0",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Engage host did not exit within {timeout.TotalSeconds:0} s. Output:\n{Snapshot(output)}");
        }

        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, Snapshot(output));
    }

    /// <summary>The dotnet executable running the tests (DOTNET_HOST_PATH), else the one on the PATH.</summary>
    public static string DotnetExecutable()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
