using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>An item in a list of radios, checkboxes or select options.</summary>
public sealed record Option(string Value, string Text, string? Hint = null);

internal static class Html
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>The id GOV.UK components use for a field: its bound name with dots and brackets made safe.</summary>
    public static string IdFor(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static string? ErrorFor(ViewContext context, string name) =>
        context.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string? AttemptedValue(ViewContext context, string name) =>
        context.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.AttemptedValue : null;

    public static string ErrorMessage(string id, string message) =>
        $"""<p id="{id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {Encode(message)}</p>""";

    public static string Hint(string id, string? hint) =>
        hint is null ? string.Empty : $"""<div id="{id}-hint" class="govuk-hint">{Encode(hint)}</div>""";

    public static string DescribedBy(string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add($"{id}-hint");
        }

        if (error is not null)
        {
            ids.Add($"{id}-error");
        }

        return ids.Count == 0 ? string.Empty : $""" aria-describedby="{string.Join(' ', ids)}" """.TrimEnd();
    }

    public static string Attribute(string name, string? value) => value is null ? string.Empty : $""" {name}="{Encode(value)}" """.TrimEnd();

    public static void Replace(TagHelperOutput output, string html)
    {
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Content.SetHtmlContent(html);
    }

    public static ModelStateDictionary ModelState(ViewContext context) => context.ViewData.ModelState;
}
