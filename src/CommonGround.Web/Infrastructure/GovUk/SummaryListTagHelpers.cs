using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>The GOV.UK summary list: <c>&lt;govuk-summary-list&gt;</c> holding <c>&lt;govuk-summary-list-row key="Name"&gt;value&lt;/...&gt;</c>.</summary>
[HtmlTargetElement("govuk-summary-list")]
public sealed class SummaryListTagHelper : TagHelper
{
    [HtmlAttributeName("no-border")]
    public bool NoBorder { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = (await output.GetChildContentAsync()).GetContent();
        Html.Replace(output, $"""<dl class="govuk-summary-list{(NoBorder ? " govuk-summary-list--no-border" : "")}">{rows}</dl>""");
    }
}

[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
public sealed class SummaryListRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = "";

    [HtmlAttributeName("action-href")]
    public string? ActionHref { get; set; }

    [HtmlAttributeName("action-text")]
    public string ActionText { get; set; } = "Change";

    /// <summary>Words read after the action by screen readers, e.g. "name" for "Change name".</summary>
    [HtmlAttributeName("action-hidden-text")]
    public string? ActionHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = (await output.GetChildContentAsync()).GetContent();
        var hidden = Html.Encode(ActionHiddenText ?? Key.ToLowerInvariant());
        var action = ActionHref is null
            ? ""
            : $"""<dd class="govuk-summary-list__actions"><a class="govuk-link" href="{Html.Encode(ActionHref)}">{Html.Encode(ActionText)}<span class="govuk-visually-hidden"> {hidden}</span></a></dd>""";
        var rowClass = ActionHref is null ? "govuk-summary-list__row govuk-summary-list__row--no-actions" : "govuk-summary-list__row";
        Html.Replace(output, $"""<div class="{rowClass}"><dt class="govuk-summary-list__key">{Html.Encode(Key)}</dt><dd class="govuk-summary-list__value">{value}</dd>{action}</div>""");
    }
}
