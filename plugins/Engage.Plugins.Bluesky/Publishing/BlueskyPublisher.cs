using System.Net;
using System.Text.Json;
using Engage.Plugins.Bluesky.Api;
using Engage.Plugins.Bluesky.Mapping;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Publishing;

/// <summary>
/// Posts through <c>com.atproto.repo.createRecord</c> with a record key derived from the host's idempotency key
/// (<see cref="Tid.FromKey"/>). The AT Protocol has no idempotency header, but a repository holds one record per key: a
/// retry after a lost answer is refused as a duplicate key, and the connector then reads the record at that key and, when
/// it is the same post (same text, same parent), answers it as the result. Replies carry the root and parent strong
/// references (uri + cid) of the answered post's thread; mentions and links get facets with UTF-8 byte offsets.
/// </summary>
internal sealed class BlueskyPublisher(BlueskyApi api, TimeProvider time)
{
    private const string Collection = "app.bsky.feed.post";

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAccount(request.AccountExternalId);
        return CreateAsync(request.Text, request.Language, null, request.IdempotencyKey, cancellationToken);
    }

    public async Task<PublishResult> ReplyAsync(ReplyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckAccount(request.AccountExternalId);
        if (!request.InReplyToExternalId.StartsWith("at://", StringComparison.Ordinal) || !request.InReplyToExternalId.Contains("/app.bsky.feed.post/", StringComparison.Ordinal))
        {
            throw new PluginException(
                $"'{request.InReplyToExternalId}' is not a Bluesky post: only comments, mentions and quotes can be answered, not likes, reposts or follows.",
                PluginFailureKind.Permanent);
        }

        var answer = await api.QueryAsync("app.bsky.feed.getPosts", [new("uris", request.InReplyToExternalId)], cancellationToken).ConfigureAwait(false);
        if (answer.NeedArray("posts", "The answered post").FirstOrDefault() is not { ValueKind: JsonValueKind.Object } parent)
        {
            throw new PluginException(
                $"The post {request.InReplyToExternalId} no longer exists on Bluesky (deleted, or hidden from this account); the reply was not sent.",
                PluginFailureKind.Permanent);
        }

        var parentRef = new StrongRef(parent.Need("uri", "The answered post"), parent.Need("cid", "The answered post"));
        var root = parent.Obj("record")?.Obj("reply")?.Obj("root") is { } r && r.Str("uri") is { } ru && r.Str("cid") is { } rc
            ? new StrongRef(ru, rc)
            : parentRef;
        return await CreateAsync(request.Text, null, (root, parentRef), request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PublishResult> CreateAsync(string text, string? language, (StrongRef Root, StrongRef Parent)? reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        var rkey = Tid.FromKey(idempotencyKey);
        var createdAt = time.GetUtcNow();
        var facets = await Facets.ComputeAsync(text, handle => ResolveAsync(handle, cancellationToken)).ConfigureAwait(false);
        var body = XrpcClient.Body(w =>
        {
            w.WriteString("repo", api.Did);
            w.WriteString("collection", Collection);
            w.WriteString("rkey", rkey);
            w.WritePropertyName("record");
            PostRecord.Write(w, text, createdAt, language, reply, facets);
        });
        try
        {
            var created = await api.ProcedureAsync("com.atproto.repo.createRecord", body, cancellationToken).ConfigureAwait(false);
            return Result(created.Need("uri", "The created post"), createdAt);
        }
        catch (XrpcException e) when (e.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            var existing = await ExistingAsync(rkey, text, reply?.Parent.Uri, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                throw;
            }

            return existing;
        }
    }

    /// <summary>The record already at <paramref name="rkey"/> when it is this post (a retry); null when there is none.</summary>
    private async Task<PublishResult?> ExistingAsync(string rkey, string text, string? parentUri, CancellationToken cancellationToken)
    {
        JsonElement existing;
        try
        {
            existing = await api.QueryAsync("com.atproto.repo.getRecord",
                [new("repo", api.Did), new("collection", Collection), new("rkey", rkey)], cancellationToken).ConfigureAwait(false);
        }
        catch (XrpcException e) when (e.Error == "RecordNotFound" || e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }

        var value = existing.Obj("value") ?? throw new FormatException("The existing record has no 'value'");
        if (value.Str("text") != text || value.Obj("reply")?.Obj("parent")?.Str("uri") != parentUri)
        {
            throw new PluginException(
                $"Bluesky already holds a different post under the record key {rkey} that this publication's idempotency key gives; nothing was posted. " +
                "Publish it again as a new publication (a new idempotency key).", PluginFailureKind.Permanent);
        }

        return Result(existing.Need("uri", "The existing record"), value.Time("createdAt", "The existing record"));
    }

    private async Task<string?> ResolveAsync(string handle, CancellationToken cancellationToken)
    {
        try
        {
            return (await api.QueryAsync("com.atproto.identity.resolveHandle", [new("handle", handle)], cancellationToken).ConfigureAwait(false)).Str("did");
        }
        catch (XrpcException e) when (e.Kind == PluginFailureKind.Permanent)
        {
            return null; // not a handle (an e-mail address, a typo): left as plain text, as Bluesky's app does
        }
    }

    private void CheckAccount(string accountExternalId)
    {
        if (accountExternalId != api.Did)
        {
            throw new PluginException(
                $"This Bluesky connection posts as {api.Did} (@{api.Handle}), not {accountExternalId}; choose the connection of that account.", PluginFailureKind.Permanent);
        }
    }

    private PublishResult Result(string uri, DateTimeOffset createdAt) =>
        new(uri) { Url = AtUri.PostUrl(api.Handle, uri), CreatedAt = createdAt };
}
