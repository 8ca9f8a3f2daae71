using Engage.Host.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Engage.Host.Hosting;

/// <summary>Tells the operator, on the console, where the OData service is and how to authenticate.</summary>
internal static class StartupBanner
{
    public static void Print(IServer server, EngagePaths paths, StartupService startup)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        var root = address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/');
        var keyFile = Path.Combine(paths.Data, AdminKeyBootstrap.FileName);
        var banner = new StringWriter();
        banner.WriteLine();
        banner.WriteLine("Engage is running.");
        banner.WriteLine($"  OData service:  {root}/odata/");
        banner.WriteLine($"  Data folder:    {paths.Data}");
        banner.WriteLine($"  Plugins folder: {paths.Plugins}");
        if (startup.NewAdminKeyFile is not null && File.Exists(keyFile))
        {
            // Printed once, on the console only (never to the log): the operator's first credential.
            banner.WriteLine($"  Admin API key (shown once; also in {keyFile}):");
            banner.WriteLine($"    {File.ReadAllText(keyFile).Trim()}");
        }
        else
        {
            banner.WriteLine($"  API key:        the admin key created on first start is in {keyFile}");
        }

        banner.WriteLine("  Try:  curl -H \"Authorization: Bearer $(cat " + keyFile + ")\" \"" + root + "/odata/Interactions?\\$top=5\"");
        banner.WriteLine("  Excel / Power BI: Get Data > OData feed > " + root + "/odata/ ; credential: Basic (any user name, the key as password)");
        banner.WriteLine();

        // One write: the console logger writes from its own thread, and a log line must not land inside the banner.
        Console.Out.Write(banner.ToString());
    }
}
