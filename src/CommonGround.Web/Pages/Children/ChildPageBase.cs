using CommonGround.Core.Access;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>
/// A page about one child. It declares what it needs with <see cref="ChildPageAttribute"/>; <see cref="ChildAccessFilter"/>
/// checks it before any handler runs (404 to someone with no relationship to the child, as if it did not exist; 403 to
/// someone related but without what the page needs) and hands the page the person's <see cref="Access"/>.
/// </summary>
public abstract class ChildPageBase(CurrentUser currentUser) : PageBase
{
    public ChildAccess Access { get; private set; } = default!;

    protected CurrentUser CurrentUser => currentUser;

    /// <summary>Called by <see cref="ChildAccessFilter"/> once it has checked what the page declares.</summary>
    internal void Authorised(ChildAccess access) => Access = access;

    /// <summary>
    /// Says what of the record this page shows, in words for the family's "who has seen". The view is logged whether or
    /// not a page says this (the access check notes it), so this only makes the entry more exact.
    /// </summary>
    protected void DescribeRead(RecordArea? area, string what) =>
        HttpContext.RequestServices.GetRequiredService<ChildReadLog>().Describe(Access.Child.Id, area, what);
}
