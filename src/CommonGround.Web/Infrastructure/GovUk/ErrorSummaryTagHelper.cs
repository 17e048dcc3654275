using System.Text;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>The GOV.UK error summary, listing every error on the page with a link to its field. Renders nothing when there are none.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => (Key: entry.Key, Message: entry.Value!.Errors[0].ErrorMessage))
            .Where(e => !string.IsNullOrEmpty(e.Message))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = new StringBuilder();
        foreach (var (key, message) in errors)
        {
            items.Append(string.IsNullOrEmpty(key)
                ? $"<li>{Html.Encode(message)}</li>"
                : $"""<li><a href="#{Html.IdFor(key)}">{Html.Encode(message)}</a></li>""");
        }

        Html.Replace(output,
            $"""<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">{items}</ul></div></div></div>""");
    }
}
