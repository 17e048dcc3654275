namespace CommonGround.Core;

public static class TextLength
{
    /// <summary>The text as it is if it fits in <paramref name="maxLength"/> characters, otherwise cut to fit with "…" at the end.</summary>
    public static string ShortenTo(this string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
