//! The skeletons a new draft starts from: each profile's sections in order, with guidance in
//! comments that the preview does not show.

use crate::model::Profile;

const STANDARD: &str = "\
# Title: what broke, in a few words

## Issue Summary

<!-- When it started and ended, with the timezone; which service was affected and what users
experienced; the share of users affected; the root cause in one sentence. -->

## Timeline

<!-- One entry per line: `- HH:MM TZ - what happened`. Cover detection (when and how), what
was investigated, misleading paths, escalation, and the resolution. -->

## Root Cause and Resolution

<!-- What caused the issue, in detail, and how it was fixed. -->

## Corrective and Preventative Measures

<!-- What can be improved broadly, then specific tasks: `- [ ] Add monitoring on ...`. -->
";

const SRE: &str = "\
# Title: what broke, in a few words

**Date:** YYYY-MM-DD
**Authors:** <!-- names or handles -->
**Status:** Draft

## Summary

## Impact

## Root Causes

## Trigger

## Resolution

## Detection

## Action Items

| Action item | Type | Owner | Bug |
|---|---|---|---|

## Lessons Learned

### What went well

### What went wrong

### Where we got lucky

## Timeline
";

/// The skeleton of a new postmortem for `profile`.
pub fn template(profile: Profile) -> &'static str {
    match profile {
        Profile::Standard => STANDARD,
        Profile::Sre => SRE,
    }
}
