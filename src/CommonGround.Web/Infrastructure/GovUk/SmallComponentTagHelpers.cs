using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>The GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Active&lt;/govuk-tag&gt;</c>.</summary>
[HtmlTargetElement("govuk-tag")]
public sealed class TagTagHelper : TagHelper
{
    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent();
        Html.Replace(output, $"""<strong class="govuk-tag{(Colour is null ? "" : $" govuk-tag--{Html.Encode(Colour)}")}">{text}</strong>""");
    }
}

/// <summary>The GOV.UK details component: <c>&lt;govuk-details summary="Help with ..."&gt;text&lt;/govuk-details&gt;</c>.</summary>
[HtmlTargetElement("govuk-details")]
public sealed class DetailsTagHelper : TagHelper
{
    [HtmlAttributeName("summary")]
    public string Summary { get; set; } = "";

    [HtmlAttributeName("open")]
    public bool Open { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent();
        Html.Replace(output, $"""<details class="govuk-details"{(Open ? " open" : "")}><summary class="govuk-details__summary"><span class="govuk-details__summary-text">{Html.Encode(Summary)}</span></summary><div class="govuk-details__text">{text}</div></details>""");
    }
}

/// <summary>The GOV.UK inset text, for a short aside the reader should notice.</summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class InsetTextTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent();
        Html.Replace(output, $"""<div class="govuk-inset-text">{text}</div>""");
    }
}

/// <summary>The GOV.UK warning text, for something the reader must not miss.</summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class WarningTextTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent();
        Html.Replace(output, $"""<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{text}</strong></div>""");
    }
}

/// <summary>The GOV.UK back link: <c>&lt;govuk-back-link href="/account" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class BackLinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "/";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent();
        Html.Replace(output, $"""<a href="{Html.Encode(Href)}" class="govuk-back-link">{(string.IsNullOrWhiteSpace(text) ? "Back" : text)}</a>""");
    }
}
