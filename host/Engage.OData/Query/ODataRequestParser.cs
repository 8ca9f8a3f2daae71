using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Engage.OData.Query;

/// <summary>
/// Runs ODataUriParser (case-insensitive, <c>$</c> optional) over a request URI and keeps what the
/// engine supports; valid but unimplemented constructs answer 501, malformed ones 400.
/// </summary>
internal static class ODataRequestParser
{
    /// <summary>The deepest <c>$expand</c> accepted (published as <c>ExpandRestrictions/MaxLevels</c>).</summary>
    public const int MaxExpansionDepth = 8;

    public static ParsedRequest Parse(ServiceBinding service, string serviceRoot, string requestUri)
    {
        try
        {
            return ParseCore(service, new Uri(serviceRoot), new Uri(requestUri));
        }
        catch (Exception exception) when (exception is not ODataRequestException)
        {
            throw ODataErrorMapper.FromRequestProcessing(exception);
        }
    }

    private static ParsedRequest ParseCore(ServiceBinding service, Uri serviceRoot, Uri requestUri)
    {
        var parser = new ODataUriParser(service.Model, serviceRoot, requestUri)
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
            EnableNoDollarQueryOptions = true,
        };
        parser.Settings.MaximumExpansionDepth = MaxExpansionDepth;
        parser.Settings.MaximumExpansionCount = 64;

        var odataPath = parser.ParsePath();
        var navigation = NavigationPathReader.Read(odataPath, service);
        var (kind, entitySet, keyValue) = navigation is { } n ? (n.Kind, n.Target, n.TargetKey) : ReadPath(odataPath, service);
        var apply = RefuseUnsupportedOptions(parser);

        var computed = ComputeResolver.Resolve(parser.ParseCompute());
        var filter = parser.ParseFilter();
        var search = parser.ParseSearch();
        var orderBy = parser.ParseOrderBy();
        var (selectClause, written) = ComputeResolver.SplitSelection(parser.ParseSelectAndExpand(), computed, entitySet);
        var selection = SelectionResolver.Resolve(selectClause, entitySet);
        if (written.Count > 0 && selection.ContextList is { } list)
        {
            selection = selection with { ContextList = list + "," + string.Join(",", written.Select(c => c.Alias)) };
        }
        var top = parser.ParseTop();
        var skip = parser.ParseSkip();
        var count = parser.ParseCount() ?? false;
        var skipToken = parser.ParseSkipToken();

        if (kind == RequestKind.Entity && (filter is not null || search is not null || orderBy is not null || top is not null || skip is not null
            || count || skipToken is not null))
        {
            throw ODataRequestException.BadRequest("$filter, $search, $orderby, $top, $skip, $count and $skiptoken do not apply to a single entity.");
        }

        return new ParsedRequest
        {
            Kind = kind,
            EntitySet = entitySet,
            KeyValue = keyValue,
            Filter = filter,
            Search = search,
            OrderBy = kind == RequestKind.Collection ? orderBy : null,
            Selection = selection,
            Computed = computed,
            ComputedWritten = written,
            Top = top,
            Skip = skip,
            Count = count,
            SkipToken = skipToken,
            ParameterAliases = parser.ParameterAliasNodes,
            Navigation = navigation?.Path,
            Apply = apply,
        };
    }

    private static (RequestKind Kind, EntitySetBinding EntitySet, object? Key) ReadPath(ODataPath path, ServiceBinding service)
    {
        var segments = path.ToList();
        if (segments.Count == 0 || segments[0] is not EntitySetSegment setSegment)
        {
            var what = segments.Count == 0 ? "This path" : segments[0] switch
            {
                BatchSegment => "$batch",
                _ => $"The segment '{segments[0].Identifier}'",
            };
            throw ODataRequestException.NotImplemented($"{what} is not supported yet; address an entity set.");
        }

        var entitySet = service.Find(setSegment.EntitySet)
            ?? throw ODataRequestException.NotFound($"The entity set '{setSegment.EntitySet.Name}' is not served.");
        if (segments.Count == 1)
        {
            return (RequestKind.Collection, entitySet, null);
        }

        if (segments.Count == 2 && segments[1] is CountSegment)
        {
            return (RequestKind.Count, entitySet, null);
        }

        if (segments.Count == 2 && segments[1] is KeySegment key)
        {
            var values = key.Keys.ToList();
            if (values.Count != 1)
            {
                throw ODataRequestException.BadRequest("Exactly one key value is expected.");
            }

            return (RequestKind.Entity, entitySet, values[0].Value);
        }

        if (segments.Count == 3 && segments[1] is KeySegment && segments[2] is OperationSegment operation)
        {
            throw ODataRequestException.MethodNotAllowed($"'{operation.Identifier}' is an action: call it with POST.", ["POST"]);
        }

        throw ODataRequestException.NotImplemented(
            $"The path segment '{segments[segments[1] is KeySegment ? 2 : 1].Identifier}' is not supported yet (navigation, properties, $value, casts and operations come later).");
    }

    /// <summary>Refuses what the engine does not serve; returns <c>$apply</c>, parsed first so <c>$filter</c>/<c>$orderby</c> bind its aliases.</summary>
    private static ApplyClause? RefuseUnsupportedOptions(ODataUriParser parser)
    {
        var apply = parser.ParseApply();
        if (parser.ParseDeltaToken() is not null)
        {
            throw ODataRequestException.NotImplemented("$deltatoken is not supported yet.");
        }

        return apply;
    }
}
