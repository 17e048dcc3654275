using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// The GOV.UK notification banner: <c>&lt;govuk-notification-banner success="true" heading="Invitation sent"&gt;details&lt;/...&gt;</c>.
/// A success banner is announced to screen readers as soon as the page loads.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class NotificationBannerTagHelper : TagHelper
{
    [HtmlAttributeName("success")]
    public bool Success { get; set; }

    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var body = (await output.GetChildContentAsync()).GetContent();
        var title = Html.Encode(Title ?? (Success ? "Success" : "Important"));
        var heading = Heading is null ? "" : $"""<p class="govuk-notification-banner__heading">{Html.Encode(Heading)}</p>""";
        var content = string.IsNullOrWhiteSpace(body) ? "" : $"""<div class="govuk-body">{body}</div>""";
        var id = $"banner-title-{context.UniqueId[..8]}";
        Html.Replace(output,
            $"""<div class="govuk-notification-banner{(Success ? " govuk-notification-banner--success" : "")}" role="{(Success ? "alert" : "region")}" aria-labelledby="{id}" data-module="govuk-notification-banner"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="{id}">{title}</h2></div><div class="govuk-notification-banner__content">{heading}{content}</div></div>""");
    }
}
