using Engage.Sdk.Data;

namespace Engage.Plugins.SummaryReport.Summary;

/// <summary>Keeps the posts with the most engagements (ties: more likes, then earlier, then lower id).</summary>
internal sealed class TopPosts(int size)
{
    private readonly List<PostView> _best = [];

    public IReadOnlyList<PostView> Best => _best;

    public void Offer(PostView post)
    {
        if (post.Engagements is null)
        {
            return;
        }

        var index = _best.FindIndex(p => Compare(post, p) < 0);
        if (index < 0)
        {
            index = _best.Count;
        }

        if (index < size)
        {
            _best.Insert(index, post);
            if (_best.Count > size)
            {
                _best.RemoveAt(size);
            }
        }
    }

    private static int Compare(PostView a, PostView b)
    {
        var order = (b.Engagements ?? 0).CompareTo(a.Engagements ?? 0);
        order = order != 0 ? order : (b.Likes ?? 0).CompareTo(a.Likes ?? 0);
        order = order != 0 ? order : a.PublishedAt.CompareTo(b.PublishedAt);
        return order != 0 ? order : a.Id.CompareTo(b.Id);
    }
}
