-- When the team was told that a finding passed its KEV due date (once per finding and due date).
ALTER TABLE finding ADD COLUMN kev_overdue_notified_at TIMESTAMP WITH TIME ZONE;
