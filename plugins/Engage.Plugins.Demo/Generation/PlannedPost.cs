using Engage.Plugins.Demo.Content;
using Engage.Sdk.Items;

namespace Engage.Plugins.Demo.Generation;

/// <summary>
/// An invented post: its text and the figures it reaches once it has aged. The figures shown at a given
/// moment are worked out by <see cref="PostFigures"/>.
/// </summary>
internal sealed class PlannedPost(PostItem post, Tone tone)
{
    /// <summary>The post without figures.</summary>
    public PostItem Post { get; } = post;
    public Tone Tone { get; } = tone;
    public DateTimeOffset PublishedAt => Post.PublishedAt;

    /// <summary>Likes from people outside the contact pool, once the post has aged.</summary>
    public long ExtraLikes { get; init; }
    /// <summary>Shares from people outside the contact pool, once the post has aged.</summary>
    public long ExtraShares { get; init; }
    public long FinalImpressions { get; init; }
    public long FinalReach { get; init; }
    public long FinalSaves { get; init; }
    public long FinalVideoViews { get; init; }

    /// <summary>When the comments and replies under the post were written (both directions).</summary>
    public List<DateTimeOffset> CommentTimes { get; } = [];
    /// <summary>When contacts of the pool liked the post.</summary>
    public List<DateTimeOffset> ReactionTimes { get; } = [];
    /// <summary>When contacts of the pool shared or quoted the post.</summary>
    public List<DateTimeOffset> ShareTimes { get; } = [];
}
