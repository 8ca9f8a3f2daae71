using Microsoft.AspNetCore.Http;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Engage.OData.Errors;

/// <summary>The one place that turns exceptions into OData errors (status, code, message).</summary>
internal static class ODataErrorMapper
{
    /// <summary>
    /// Maps an exception raised while reading the request (parsing, translating, planning): whatever
    /// the request string caused is the client's fault, so nothing here becomes a 500.
    /// </summary>
    public static ODataRequestException FromRequestProcessing(Exception exception) => exception switch
    {
        ODataRequestException known => known,
        ODataUnrecognizedPathException path => ODataRequestException.NotFound(path.Message, path),
        ODataException odata => ODataRequestException.BadRequest(odata.Message, odata),
        OverflowException overflow => ODataRequestException.BadRequest("A value in the request is out of range.", overflow),
        FormatException format => ODataRequestException.BadRequest("A value in the request is malformed.", format),
        ArgumentException argument => ODataRequestException.BadRequest("The request is malformed.", argument),
        InvalidCastException cast => ODataRequestException.BadRequest("A value in the request has the wrong type.", cast),
        NotImplementedException notImplemented => ODataRequestException.NotImplemented("This construct is not supported yet."),
        _ => ODataRequestException.BadRequest("The request could not be understood.", exception),
    };

    /// <summary>Maps any exception reaching the endpoint boundary to a status, code and message.</summary>
    public static ODataRequestException FromEndpoint(Exception exception) => exception switch
    {
        ODataRequestException known => known,
        _ => new ODataRequestException(
            StatusCodes.Status500InternalServerError,
            "InternalServerError",
            "The server failed to process the request.",
            exception),
    };
}
