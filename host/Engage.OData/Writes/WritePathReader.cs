using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.UriParser;

namespace Engage.OData.Writes;

/// <summary>Parses the resource path of a non-GET request with ODataUriParser (case-insensitive names); query options are not read.</summary>
internal static class WritePathReader
{
    public static WriteTarget Read(ServiceBinding service, string serviceRoot, string requestUri)
    {
        try
        {
            var parser = new ODataUriParser(service.Model, new Uri(serviceRoot), new Uri(requestUri))
            {
                Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
            };
            return Classify(parser.ParsePath().ToList(), service);
        }
        catch (Exception exception) when (exception is not ODataRequestException)
        {
            throw ODataErrorMapper.FromRequestProcessing(exception);
        }
    }

    private static WriteTarget Classify(List<ODataPathSegment> segments, ServiceBinding service)
    {
        if (segments.Count == 1 && segments[0] is BatchSegment)
        {
            throw ODataRequestException.NotImplemented("$batch is not supported yet; send each request on its own.");
        }

        if (segments.Count == 0 || segments[0] is not EntitySetSegment setSegment || service.Find(setSegment.EntitySet) is not { } set)
        {
            return new WriteTarget(WriteTargetKind.ReadOnly);
        }

        if (segments.Count == 1)
        {
            return new WriteTarget(WriteTargetKind.Collection, set);
        }

        if (segments[1] is not KeySegment keySegment)
        {
            return new WriteTarget(WriteTargetKind.ReadOnly, set);
        }

        var keys = keySegment.Keys.ToList();
        if (keys.Count != 1 || keys[0].Value is not { } key)
        {
            throw ODataRequestException.BadRequest("Exactly one key value is expected.");
        }

        if (segments.Count == 2)
        {
            return new WriteTarget(WriteTargetKind.Entity, set, key);
        }

        if (segments.Count == 3 && segments[2] is OperationSegment operation)
        {
            var action = operation.Operations.Select(o => o as Microsoft.OData.Edm.IEdmAction)
                .Select(a => a is null ? null : service.Actions.GetValueOrDefault(a))
                .FirstOrDefault(a => a is not null && a.BindingSet == set);
            return action is null
                ? throw ODataRequestException.NotFound($"'{operation.Identifier}' is not an action of '{set.Name}'.")
                : new WriteTarget(WriteTargetKind.Action, set, key, action);
        }

        return new WriteTarget(WriteTargetKind.ReadOnly, set, key);
    }
}
