//! iCalendar export (RFC 5545).
