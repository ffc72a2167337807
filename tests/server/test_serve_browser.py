"""The page of ``ih serve`` in headless Chromium (Selenium with Debian's chromedriver): type a flawed
posting, see the highlight, apply a fix, read the fixed text. Skipped where Chromium is absent."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_helpers import real_server_fixture  # noqa: F401 (fixtures)

POSTING = ("# Sales Ninja\n\nWe need a rockstar salesman for our young and energetic team.\n"
           "Apply if you are a digital native. <img src=x onerror=alert(1)>\n")


def _paths() -> tuple[str, str]:
    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver")
                                              else None)
    if browser is None or driver is None:
        pytest.skip("headless Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
    return browser, driver


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    binary, driver_path = _paths()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager must never download anything
    options = Options()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1400,1500", "--disable-background-networking", "--no-first-run",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_type_see_highlight_apply_fix(real_server, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    wait = WebDriverWait(driver, 30)
    driver.get(f"{real_server.base}/?token={real_server.token}")  # sets the cookie, redirects to /
    assert driver.current_url == f"{real_server.base}/"
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#jurisdiction option")) > 3)

    text = driver.find_element(By.ID, "text")
    text.send_keys(POSTING)
    mark = wait.until(lambda d: next((m for m in d.find_elements(By.CSS_SELECTOR, "#marked mark")
                                      if m.text == "salesman"), None))
    assert "sev-error" in mark.get_attribute("class")
    title = mark.find_element(By.TAG_NAME, "a").get_attribute("title")
    assert title.startswith("IH110: ") and "gendered job title" in title
    # The pasted markup is shown as text, never run or parsed.
    assert driver.find_elements(By.CSS_SELECTOR, "#marked img, #findings img") == []
    assert "<img src=x onerror=alert(1)>" in driver.find_element(By.ID, "marked").text
    status = driver.find_element(By.ID, "status").text
    assert status.endswith(" ms.") and "finding" in status
    assert driver.find_element(By.ID, "status").get_attribute("aria-live") == "polite"
    checks = driver.find_element(By.ID, "checks").text
    assert "Pay range" in checks and "missing" in checks and "Reading grade" in checks

    # Keyboard: the highlight is a link; Enter moves focus to its finding.
    mark.find_element(By.TAG_NAME, "a").send_keys(Keys.ENTER)
    focused = driver.switch_to.active_element
    assert focused.get_attribute("id").startswith("finding-") and "IH110" in focused.text

    driver.save_screenshot(str(tmp_path / "findings.png"))
    shots = os.environ.get("IH_SCREENSHOT_DIR")
    if shots:
        shutil.copy(tmp_path / "findings.png", Path(shots) / "serve-findings.png")
    assert (tmp_path / "findings.png").stat().st_size > 10_000

    fix = focused.find_element(By.XPATH, ".//button[contains(., 'salesperson')]")
    assert fix.text == "Apply fix: “salesperson”"
    fix.click()
    wait.until(lambda d: "salesperson" in d.find_element(By.ID, "text").get_attribute("value"))
    fixed = driver.find_element(By.ID, "text").get_attribute("value")
    assert fixed == POSTING.replace("salesman", "salesperson")
    wait.until(lambda d: all(m.text != "salesman" for m in d.find_elements(By.CSS_SELECTOR, "#marked mark")))
    assert "Applied 1 fix." in driver.find_element(By.ID, "status").text

    driver.find_element(By.ID, "fix-all").click()
    wait.until(lambda d: "rockstar" not in d.find_element(By.ID, "text").get_attribute("value")
               or d.find_element(By.ID, "fix-all").get_attribute("disabled"))
    assert driver.find_element(By.ID, "fix-all").get_attribute("disabled") == "true"
    assert "salesperson" in driver.find_element(By.ID, "text").get_attribute("value")
