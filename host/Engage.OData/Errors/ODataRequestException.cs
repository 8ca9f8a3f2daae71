using Microsoft.AspNetCore.Http;

namespace Engage.OData.Errors;

/// <summary>A request the engine refuses, with the HTTP status and OData error code to answer.</summary>
internal sealed class ODataRequestException(int statusCode, string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public static ODataRequestException BadRequest(string message, Exception? inner = null) =>
        new(StatusCodes.Status400BadRequest, "BadRequest", message, inner);

    public static ODataRequestException NotFound(string message, Exception? inner = null) =>
        new(StatusCodes.Status404NotFound, "NotFound", message, inner);

    public static ODataRequestException NotImplemented(string message) =>
        new(StatusCodes.Status501NotImplemented, "NotImplemented", message);

    public static ODataRequestException NotAcceptable(string message) =>
        new(StatusCodes.Status406NotAcceptable, "NotAcceptable", message);
}
