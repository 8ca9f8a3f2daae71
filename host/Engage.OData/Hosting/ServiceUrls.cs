using Microsoft.AspNetCore.Http;

namespace Engage.OData.Hosting;

/// <summary>The absolute URLs of one request's service: root, metadata, context and entity-set URLs.</summary>
internal sealed class ServiceUrls
{
    private ServiceUrls(string serviceRoot) => ServiceRoot = serviceRoot;

    /// <summary>The absolute service root without a trailing slash, e.g. <c>https://host/odata</c>.</summary>
    public string ServiceRoot { get; }

    public string Metadata => ServiceRoot + "/$metadata";

    public static ServiceUrls From(HttpRequest request, string routePrefix) =>
        new($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/{routePrefix}");

    /// <summary>The context URL: <c>…/$metadata#</c> followed by <paramref name="fragment"/>.</summary>
    public string Context(string fragment) => Metadata + "#" + fragment;

    public string EntitySet(string name) => ServiceRoot + "/" + Uri.EscapeDataString(name);
}
