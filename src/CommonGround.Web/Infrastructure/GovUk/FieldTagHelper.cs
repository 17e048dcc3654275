using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>What every GOV.UK form field shares: the bound property, its label, hint and error message.</summary>
public abstract class FieldTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>The label or legend; by default the property's display name.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>A size class for the label or legend, e.g. govuk-label--m.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    /// <summary>When the question is the page's only one, its label is the page's heading.</summary>
    [HtmlAttributeName("page-heading")]
    public bool IsPageHeading { get; set; }

    protected string Name => For.Name;
    protected string Id => Html.IdFor(Name);
    protected string? Error => Html.ErrorFor(ViewContext, Name);
    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? Name;

    protected string FormGroupStart(string? error) =>
        $"""<div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">""";

    protected string LabelHtml()
    {
        var size = LabelClass ?? (IsPageHeading ? "govuk-label--l" : null);
        var label = $"""<label class="govuk-label{(size is null ? "" : " " + size)}" for="{Id}">{Html.Encode(LabelText)}</label>""";
        return IsPageHeading ? $"""<h1 class="govuk-label-wrapper">{label}</h1>""" : label;
    }

    protected string LegendHtml()
    {
        var size = LabelClass?.Replace("govuk-label", "govuk-fieldset__legend", StringComparison.Ordinal)
            ?? (IsPageHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--s");
        var text = Html.Encode(LabelText);
        return IsPageHeading
            ? $"""<legend class="govuk-fieldset__legend {size}"><h1 class="govuk-fieldset__heading">{text}</h1></legend>"""
            : $"""<legend class="govuk-fieldset__legend {size}">{text}</legend>""";
    }

    /// <summary>What the person typed if the form came back with errors, otherwise the model's value.</summary>
    protected string? CurrentValue() =>
        Html.AttemptedValue(ViewContext, Name) ?? For.Model switch
        {
            null => null,
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
}
