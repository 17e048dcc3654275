using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// The GOV.UK button: <c>&lt;govuk-button&gt;Continue&lt;/govuk-button&gt;</c>; with <c>href</c> it is a link styled as a button;
/// <c>variant</c> is secondary or warning; <c>name</c>/<c>value</c> pick a page handler.
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class ButtonTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("variant")]
    public string? Variant { get; set; }

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "submit";

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("formaction")]
    public string? FormAction { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var text = (await output.GetChildContentAsync()).GetContent();
        var classes = "govuk-button" + (Variant is null ? "" : $" govuk-button--{Html.Encode(Variant)}");
        var html = Href is not null
            ? $"""<a href="{Html.Encode(Href)}" role="button" draggable="false" class="{classes}" data-module="govuk-button">{text}</a>"""
            : $"""<button type="{Html.Encode(Type)}" class="{classes}" data-module="govuk-button" data-prevent-double-click="true"{Html.Attribute("name", Name)}{Html.Attribute("value", Value)}{Html.Attribute("formaction", FormAction)}>{text}</button>""";
        Html.Replace(output, html);
    }
}
