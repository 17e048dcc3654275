namespace CommonGround.Core.Profiles;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>What changed between two versions of a text, word by word, so the family can see a change at a glance.</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        // Longest common subsequence of words; sections are at most a few thousand characters.
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(parts, DiffKind.Same, a[x]);
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                Add(parts, DiffKind.Added, b[y++]);
            }
            else
            {
                Add(parts, DiffKind.Removed, a[x++]);
            }
        }

        return parts;
    }

    private static string[] Split(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static void Add(List<DiffPart> parts, DiffKind kind, string word)
    {
        if (parts.Count > 0 && parts[^1].Kind == kind)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + " " + word };
        }
        else
        {
            parts.Add(new DiffPart(kind, word));
        }
    }
}
