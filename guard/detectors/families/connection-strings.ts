/**
 * Passwords inside connection strings and config text: URL user-info (any scheme, empty user, percent-encoded
 * passwords), JDBC parameters, and `password = value` assignments in INI/properties/ADO.NET text.
 */
import type { Detector } from "../detector";
import { fakePassword } from "./sample-values";

export const PASSWORD_IN_URL: Detector = {
  id: "SG126",
  name: "password-in-url",
  title: "a password inside a URL",
  severity: "error",
  explanation: "A URL carries a password in its user-info part (scheme://user:password@host).",
  fix: "Pass the password separately, as a sensitive value, and rotate it.",
  keywords: ["://"],
  pattern: "://([^\\s:@/?#\"'<>]{0,128}):([^\\s@/?#\"'<>]{1,256})@[^\\s@/?#:\"'<>]{1,253}",
  secretGroup: 2,
  minLength: 4,
  check: "url-password",
  samples: {
    positive: [
      { key: "database_url", value: "postgresql://app:" + fakePassword(271) + "@db.internal:5432/app" },
      { key: "value", value: "mongodb://mongodb:" + fakePassword(276) + "@localhost:27017/app" },
      { key: "uri", value: "mongodb+srv://svc:" + fakePassword(272) + "@cluster0.example.net/db?retryWrites=true" },
      { key: "broker", value: "amqps://:" + fakePassword(273) + "@mq.example.com:5671" },
      { key: "cache", value: "redis://default:p%40ss" + fakePassword(274, 10) + "@cache.example.com:6379/0" },
      { key: "remote", value: "https://x-access-token:" + fakePassword(275, 36) + "@github.com/example/repo.git" },
    ],
    negative: [
      { key: "database_url", value: "postgresql://app:${var.db_password}@db.internal:5432/app" },
      { key: "url", value: "https://user@example.com/path" },
      { key: "url", value: "postgresql://app:****@db.internal/app" },
      { key: "url", value: "https://user:<password>@example.com" },
      { key: "url", value: "https://example.com:8443/path?email=a:b@example.com" },
      { key: "value", value: "mongodb://mongodb:mongodb@localhost:27017/database" },
      { key: "value", value: "postgres://postgres:postgres@localhost:5432/database" },
      { key: "value", value: "amqp://{USER}:{PASS}@broker.example.com:5672/" },
    ],
  },
};

export const JDBC_PASSWORD: Detector = {
  id: "SG153",
  name: "jdbc-password",
  title: "a password in a JDBC URL",
  severity: "error",
  explanation: "A JDBC URL carries a password parameter (;password=... or ?password=...).",
  fix: "Pass the password separately, as a sensitive value from a secret store, and rotate it.",
  keywords: ["jdbc:"],
  pattern: "jdbc:[a-z0-9]{1,20}:[^\\s\"']{0,1024}?[;?&](?:password|pwd)=([^;&\\s\"']{1,256})",
  flags: "i",
  secretGroup: 1,
  minLength: 4,
  check: "not-placeholder",
  samples: {
    positive: [
      { key: "url", value: "jdbc:sqlserver://db.example.com:1433;databaseName=app;user=svc;password=" + fakePassword(281) + ";encrypt=true" },
      { key: "url", value: "jdbc:postgresql://db:5432/app?user=svc&password=" + fakePassword(282) + "&ssl=true" },
      { key: "content", value: "spring.datasource.url=jdbc:oracle:thin:@db:1521/APP;user=svc;pwd=" + fakePassword(283) + "\n" },
    ],
    negative: [
      { key: "url", value: "jdbc:postgresql://db:5432/app?user=svc&ssl=true" },
      { key: "url", value: "jdbc:mysql://db/app?user=svc&password=${DB_PASSWORD}" },
      { key: "url", value: "jdbc:mysql://db/app?user=svc&passwordCharacterEncoding=utf8" },
    ],
  },
};

export const PASSWORD_ASSIGNMENT: Detector = {
  id: "SG154",
  name: "password-assignment",
  title: "a password assignment in text",
  severity: "error",
  explanation: "Text (an INI, properties, .env or YAML file in a heredoc, an ADO.NET connection string) assigns a literal password.",
  fix: "Template the file with a reference to a secret store or an environment variable; change the password.",
  keywords: ["password", "Password", "PASSWORD", "passwd", "Passwd", "PASSWD", "pwd", "Pwd", "PWD"],
  pattern: "(?:password|passwd|pwd)[\"']?[ \\t]{0,8}[=:][ \\t]{0,8}[\"']?([^\\s\"';,]{6,256})",
  flags: "i",
  secretGroup: 1,
  check: "not-placeholder",
  allow: ["^[!/~]", "^\\$\\{", "^\\{\\{", "^%\\{", "^\\$\\(", "^<", "^\\*"],
  samples: {
    positive: [
      { key: "content", value: "[database]\nhost = db.internal\nuser = app\npassword = " + fakePassword(291) + "\n" },
      { key: "connection_string", value: "Server=tcp:db.example.com;Database=app;User ID=svc;Password=" + fakePassword(292) + ";Encrypt=True" },
      { key: "values_yaml", value: "db:\n  user: app\n  password: " + fakePassword(293) + "\n" },
      { key: "user_data", value: "#!/bin/bash\nexport DB_PASSWORD='" + fakePassword(294) + "'\n" },
    ],
    negative: [
      { key: "content", value: "password_length = 32\nmin_password_age = 1\n" },
      { key: "content", value: "password = ${var.db_password}\n" },
      { key: "content", value: "password: changeme\n" },
      { key: "env", value: "PWD=/home/app\nHOME=/home/app\n" },
    ],
  },
};
